'use client';

import { Boxes } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { SearchInput } from '../ui/search-input';

export interface ArtifactListRow {
  name: string;
  type: string;
  description: string;
  latest: string | null;
  versionCount: number;
  sizeLabel: string;
  updatedLabel: string;
  updatedIso: string;
}

/**
 * The project's artifacts, one table per type (dataset, model, …), filtered as you type by
 * name, type or description.
 */
export function ArtifactList({ basePath, rows }: { basePath: string; rows: ArtifactListRow[] }) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const shown = rows.filter(
      (row) =>
        !needle ||
        row.name.toLowerCase().includes(needle) ||
        row.type.toLowerCase().includes(needle) ||
        row.description.toLowerCase().includes(needle),
    );
    const byType = new Map<string, ArtifactListRow[]>();
    for (const row of shown) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
    return [...byType.entries()];
  }, [rows, query]);

  return (
    <div className="space-y-4">
      <SearchInput
        label="Search artifacts"
        placeholder="Search by name, type or description"
        value={query}
        onValueChange={setQuery}
        className="max-w-sm"
      />
      {groups.length === 0 && (
        <Card>
          <div className="flex flex-col items-center gap-2 py-6 text-center">
            <Boxes className="h-6 w-6 text-zinc-400" aria-hidden />
            <p className="text-sm font-medium">No artifact matches “{query.trim()}”</p>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Try part of a name, or a type such as dataset or model.
            </p>
          </div>
        </Card>
      )}
      {groups.map(([type, group]) => (
        <Card key={type} title={`${type} (${group.length})`}>
          <DataTable
            caption={`Artifacts of type ${type}`}
            className="-mx-6 -my-5"
            columns={[
              { label: 'Name', className: 'pl-6' },
              { label: 'Latest' },
              { label: 'Versions', className: 'text-right' },
              { label: 'Size', className: 'text-right' },
              { label: 'Updated (UTC)', className: 'pr-6' },
            ]}
          >
            {group.map((row) => (
              <tr key={row.name} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                <td className="py-2 pr-4 pl-6">
                  <Link
                    href={`${basePath}/${encodeURIComponent(row.name)}`}
                    className="font-mono text-xs font-medium break-all text-brand-700 hover:underline dark:text-brand-500"
                  >
                    {row.name}
                  </Link>
                  {row.description && (
                    <p className="mt-0.5 line-clamp-1 text-xs text-zinc-500 dark:text-zinc-400">
                      {row.description}
                    </p>
                  )}
                </td>
                <td className="px-4 py-2 font-mono text-xs">{row.latest ?? '—'}</td>
                <td className="px-4 py-2 text-right tabular-nums">{row.versionCount}</td>
                <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                  {row.sizeLabel}
                </td>
                <td className="py-2 pr-6 pl-4 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <time dateTime={row.updatedIso}>{row.updatedLabel}</time>
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
      ))}
    </div>
  );
}
