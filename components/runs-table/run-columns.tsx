'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { Eye, EyeOff } from 'lucide-react';
import Link from 'next/link';
import { formatDuration, formatValue, timeAgo } from '../runs/format';
import { runColor } from '../runs/run-colors';
import { RunStateBadge } from '../runs/run-state-badge';
import { columnLabel, jsonColumnValue } from './column-values';
import type { TableRow } from './use-runs-page';

export interface ColumnContext {
  entity: string;
  project: string;
  hidden: Set<string>;
  onToggleHidden: (runId: string) => void;
}

const muted = 'text-zinc-600 dark:text-zinc-400';

/**
 * The table's columns: selection and chart visibility, the run's own fields, and one per
 * chosen config/summary key. Column ids are the server's sort keys; the accessors only make
 * TanStack treat a column as sortable (sorting itself happens on the server).
 */
export function runColumns(extraKeys: string[], context: ColumnContext): ColumnDef<TableRow>[] {
  return [
    {
      id: 'select',
      size: 36,
      enableResizing: false,
      enableSorting: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Select all runs on this page"
          className="accent-brand-600"
          checked={table.getIsAllRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.run.displayName}`}
          className="accent-brand-600"
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    },
    {
      id: 'visible',
      size: 36,
      enableResizing: false,
      enableSorting: false,
      header: () => <span className="sr-only">Shown in charts</span>,
      cell: ({ row }) => {
        const { id, displayName } = row.original.run;
        const hidden = context.hidden.has(id);
        const Icon = hidden ? EyeOff : Eye;
        return (
          <button
            type="button"
            aria-pressed={!hidden}
            aria-label={`Show ${displayName} in charts`}
            title={hidden ? 'Hidden from charts' : 'Shown in charts'}
            onClick={() => context.onToggleHidden(id)}
            className="rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <Icon className="h-4 w-4" aria-hidden />
          </button>
        );
      },
    },
    {
      id: 'name',
      accessorFn: (row) => row.run.displayName,
      header: 'Name',
      size: 220,
      cell: ({ row }) => {
        const { id, displayName } = row.original.run;
        return (
          <span className="flex min-w-0 items-center gap-2">
            <span
              aria-hidden
              className="h-2.5 w-2.5 shrink-0 rounded-full"
              style={{ backgroundColor: runColor(id) }}
            />
            <Link
              href={`/${context.entity}/${context.project}/runs/${id}`}
              className="truncate font-medium text-brand-700 hover:underline dark:text-brand-500"
            >
              {displayName}
            </Link>
          </span>
        );
      },
    },
    {
      id: 'state',
      accessorFn: (row) => row.run.state,
      header: 'State',
      size: 110,
      cell: ({ row }) => <RunStateBadge state={row.original.run.state} />,
    },
    {
      id: 'author',
      accessorFn: (row) => row.author,
      header: 'Author',
      size: 110,
      cell: ({ row }) => <span className={muted}>{row.original.author ?? '—'}</span>,
    },
    {
      id: 'createdAt',
      accessorFn: (row) => row.run.createdAt,
      header: 'Created',
      size: 130,
      cell: ({ row }) => {
        const created = new Date(row.original.run.createdAt);
        return (
          <time dateTime={created.toISOString()} title={created.toLocaleString()} className={muted}>
            {timeAgo(created)}
          </time>
        );
      },
    },
    {
      id: 'runtime',
      accessorFn: (row) => row.runtimeSeconds,
      header: 'Runtime',
      size: 115,
      cell: ({ row }) => (
        <span className={`tabular-nums ${muted}`}>
          {formatDuration(row.original.runtimeSeconds * 1000)}
        </span>
      ),
    },
    ...extraKeys.map((key): ColumnDef<TableRow> => ({
      id: key,
      accessorFn: (row) => jsonColumnValue(row.run, key),
      size: 160,
      header: () => {
        const { source, path } = columnLabel(key);
        return (
          <span className="normal-case" title={key}>
            <span className="text-zinc-400 dark:text-zinc-500">{source}.</span>
            {path}
          </span>
        );
      },
      cell: ({ row }) => {
        const value = jsonColumnValue(row.original.run, key);
        return (
          <span className="font-mono text-xs tabular-nums">
            {value === undefined || value === null ? '' : formatValue(value)}
          </span>
        );
      },
    })),
    {
      id: 'tags',
      accessorFn: (row) => row.run.tags.join(','),
      header: 'Tags',
      size: 160,
      cell: ({ row }) => (
        <span className="flex gap-1 overflow-hidden">
          {row.original.run.tags.map((tag) => (
            <span
              key={tag}
              className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
            >
              {tag}
            </span>
          ))}
        </span>
      ),
    },
    {
      id: 'group',
      accessorFn: (row) => row.run.group,
      header: 'Group',
      size: 120,
      cell: ({ row }) => <span className={muted}>{row.original.run.group ?? ''}</span>,
    },
    {
      id: 'notes',
      accessorFn: (row) => row.run.notes,
      header: 'Notes',
      size: 180,
      cell: ({ row }) => (
        <span className={`block truncate ${muted}`} title={row.original.run.notes}>
          {row.original.run.notes}
        </span>
      ),
    },
  ];
}
