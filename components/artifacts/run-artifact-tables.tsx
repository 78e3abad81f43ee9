'use client';

import { Lock } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { SearchInput } from '../ui/search-input';

export interface RunArtifactRow {
  id: string;
  /** `name:vN` */
  label: string;
  type: string;
  href: string;
  sizeLabel: string;
  sizeTitle: string;
  aliases: { alias: string; protected: boolean }[];
  createdLabel: string;
}

const matches = (row: RunArtifactRow, needle: string) =>
  !needle ||
  row.label.toLowerCase().includes(needle) ||
  row.type.toLowerCase().includes(needle) ||
  row.aliases.some((a) => a.alias.toLowerCase().includes(needle));

/** The run's outputs and inputs, filtered together by name, type or alias. */
export function RunArtifactTables({
  logged,
  used,
}: {
  logged: RunArtifactRow[];
  used: RunArtifactRow[];
}) {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  return (
    <div className="flex flex-col gap-6">
      <SearchInput
        label="Filter artifacts"
        placeholder="Filter by name, type or alias"
        value={query}
        onValueChange={setQuery}
        className="max-w-sm"
      />
      <ArtifactTable
        title="Logged by this run"
        empty={needle ? 'No artifact logged by this run matches.' : 'This run logged no artifacts.'}
        caption="Artifacts logged by this run"
        rows={logged.filter((row) => matches(row, needle))}
      />
      <ArtifactTable
        title="Used by this run"
        empty={
          needle ? 'No artifact used by this run matches.' : 'This run used no artifacts as inputs.'
        }
        caption="Artifacts used by this run"
        rows={used.filter((row) => matches(row, needle))}
      />
    </div>
  );
}

function ArtifactTable({
  title,
  empty,
  caption,
  rows,
}: {
  title: string;
  empty: string;
  caption: string;
  rows: RunArtifactRow[];
}) {
  if (rows.length === 0) {
    return (
      <Card title={title}>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      </Card>
    );
  }
  return (
    <Card title={`${title} (${rows.length})`}>
      <DataTable
        caption={caption}
        className="-mx-6 -my-5"
        columns={[
          { label: 'Artifact', className: 'pl-6' },
          { label: 'Type' },
          { label: 'Size', className: 'text-right' },
          { label: 'Aliases' },
          { label: 'Created (UTC)', className: 'pr-6' },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <td className="py-2 pr-4 pl-6 font-mono text-xs break-all">
              <Link
                href={row.href}
                className="text-zinc-900 hover:text-brand-700 hover:underline dark:text-zinc-100 dark:hover:text-brand-500"
              >
                {row.label}
              </Link>
            </td>
            <td className="px-4 py-2">
              <span className="rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                {row.type}
              </span>
            </td>
            <td
              className="px-4 py-2 text-right whitespace-nowrap tabular-nums"
              title={row.sizeTitle}
            >
              {row.sizeLabel}
            </td>
            <td className="px-4 py-2">
              <div className="flex flex-wrap gap-1">
                {row.aliases.length === 0 && <span className="text-zinc-400">—</span>}
                {row.aliases.map((a) => (
                  <span
                    key={a.alias}
                    title={a.protected ? 'Protected: only registry admins change it' : undefined}
                    className="inline-flex items-center gap-1 rounded-full border border-zinc-200 px-2 py-0.5 font-mono text-xs text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
                  >
                    {a.protected && <Lock className="h-3 w-3" aria-label="protected" />}
                    {a.alias}
                  </span>
                ))}
              </div>
            </td>
            <td className="py-2 pr-6 pl-4 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              {row.createdLabel}
            </td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
