'use client';

import { BookMarked } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { SearchInput } from '../ui/search-input';
import { AliasChip } from './alias-chip';

export interface RegistryListRow {
  name: string;
  description: string;
  latest: string | null;
  versionCount: number;
  aliases: { alias: string; protected: boolean; version: string }[];
  updatedLabel: string;
  updatedIso: string;
}

/** The registered models of a user or team, filtered as you type by name, description or alias. */
export function RegistryList({ basePath, rows }: { basePath: string; rows: RegistryListRow[] }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return rows;
    return rows.filter(
      (row) =>
        row.name.toLowerCase().includes(needle) ||
        row.description.toLowerCase().includes(needle) ||
        row.aliases.some((a) => a.alias.toLowerCase().includes(needle)),
    );
  }, [rows, query]);

  return (
    <div className="space-y-4">
      <SearchInput
        label="Search registered models"
        placeholder="Search by name, description or alias"
        value={query}
        onValueChange={setQuery}
        className="max-w-sm"
      />
      <Card title={`Registered models (${rows.length})`}>
        {shown.length === 0 ? (
          <div className="flex flex-col items-center gap-2 py-6 text-center">
            <BookMarked className="h-6 w-6 text-zinc-400" aria-hidden />
            <p className="text-sm font-medium">No registered model matches “{query.trim()}”</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Try part of a name, or an alias such as production.
            </p>
          </div>
        ) : (
          <DataTable
            caption="Registered models"
            className="-mx-6 -my-5"
            columns={[
              { label: 'Name', className: 'pl-6' },
              { label: 'Latest' },
              { label: 'Versions', className: 'text-right' },
              { label: 'Aliases' },
              { label: 'Updated (UTC)', className: 'pr-6' },
            ]}
          >
            {shown.map((row) => (
              <tr key={row.name} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                <td className="py-2.5 pr-4 pl-6 align-top">
                  <Link
                    href={`${basePath}/${encodeURIComponent(row.name)}`}
                    className="font-mono text-xs font-medium break-all text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {row.name}
                  </Link>
                  <p className="mt-0.5 line-clamp-1 max-w-md text-xs text-zinc-500 dark:text-zinc-400">
                    {row.description || 'No description.'}
                  </p>
                </td>
                <td className="px-4 py-2.5 align-top font-mono text-xs">{row.latest ?? '—'}</td>
                <td className="px-4 py-2.5 text-right align-top tabular-nums">
                  {row.versionCount}
                </td>
                <td className="px-4 py-2.5 align-top">
                  <div className="flex flex-wrap gap-1">
                    {row.aliases.length === 0 ? (
                      <span className="text-zinc-400">—</span>
                    ) : (
                      row.aliases.map((a) => <AliasChip key={a.alias} {...a} />)
                    )}
                  </div>
                </td>
                <td className="py-2.5 pr-6 pl-4 align-top whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <time dateTime={row.updatedIso}>{row.updatedLabel}</time>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
