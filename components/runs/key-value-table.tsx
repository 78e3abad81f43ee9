'use client';

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useMemo, useState } from 'react';
import { headerCellClass } from '../ui/data-table';
import { SearchInput } from '../ui/search-input';
import { cn } from '../ui/cn';

export interface KeyValueRow {
  key: string;
  /** Already formatted for display. */
  value: string;
}

const columns: ColumnDef<KeyValueRow>[] = [
  { accessorKey: 'key', header: 'Key' },
  { accessorKey: 'value', header: 'Value' },
];

/** Config or summary: flattened keys and their values, searchable by either, sortable. */
export function KeyValueTable({
  label,
  rows,
  empty,
}: {
  label: string;
  rows: KeyValueRow[];
  empty: string;
}) {
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([]);
  const data = useMemo(() => rows, [rows]);
  // TanStack's table object is mutable by design; React Compiler skips this component anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { globalFilter: search, sorting },
    onSortingChange: setSorting,
    globalFilterFn: 'includesString',
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  if (rows.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  const visible = table.getRowModel().rows;
  return (
    <div className="space-y-3">
      <SearchInput
        label={`Search ${label.toLowerCase()}`}
        placeholder={`Search ${rows.length} ${rows.length === 1 ? 'key' : 'keys'}`}
        value={search}
        onValueChange={setSearch}
      />
      <div className="-mx-6 max-h-[28rem] overflow-auto border-y border-zinc-200 dark:border-zinc-800">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc'
                          ? 'ascending'
                          : sorted === 'desc'
                            ? 'descending'
                            : undefined
                      }
                      className={cn(headerCellClass, 'px-6 first:w-2/5')}
                    >
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-zinc-100"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === 'asc' && <ArrowUp className="h-3 w-3" aria-hidden />}
                        {sorted === 'desc' && <ArrowDown className="h-3 w-3" aria-hidden />}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {visible.map((row) => (
              <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                <td
                  className="truncate px-6 py-1.5 text-zinc-700 dark:text-zinc-300"
                  title={row.original.key}
                >
                  {row.original.key}
                </td>
                <td className="px-6 py-1.5 font-mono text-xs break-words">{row.original.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {visible.length === 0 && (
          <p className="px-6 py-4 text-sm text-zinc-500 dark:text-zinc-400">
            No key matches “{search}”.
          </p>
        )}
      </div>
    </div>
  );
}
