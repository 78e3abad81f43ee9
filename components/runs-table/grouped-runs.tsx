'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { Fragment, useEffect, useState } from 'react';
import { formatValue } from '../runs/format';
import { Alert } from '../ui/alert';
import { RunsGrid, type GridState } from './runs-grid';
import type { TableFilter, TableState } from './table-state';
import { useRunsPage, type TableGroup, type TableRow } from './use-runs-page';

const runsPerGroup = 50;

/** The filter that picks one group's runs (null: the runs without a value). */
export function groupFilter(groupBy: string, value: unknown): TableFilter {
  if (value === null || value === undefined) return { key: groupBy, op: 'notExists' };
  const scalar =
    typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  return { key: groupBy, op: 'eq', value: scalar };
}

const number = (value: number | null) => (value === null ? '—' : formatValue(value));

/** Groups with their counts and aggregates; a group opens to show its runs. */
export function GroupedRuns({
  entity,
  project,
  state,
  groups,
  columns,
  grid,
  version,
  onRows,
  onOnlyGroup,
}: {
  entity: string;
  project: string;
  state: TableState;
  groups: TableGroup[];
  columns: ColumnDef<TableRow>[];
  grid: GridState;
  version: number;
  onRows: (rows: TableRow[]) => void;
  onOnlyGroup: (filter: TableFilter) => void;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const groupBy = state.groupBy!;
  if (groups.length === 0) {
    return (
      <p className="px-4 py-10 text-center text-sm text-zinc-600 dark:text-zinc-400">
        No runs match.
      </p>
    );
  }
  return (
    <table className="w-full table-fixed text-sm">
      <caption className="sr-only">Runs grouped by {groupBy}</caption>
      <thead className="bg-zinc-50 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
        <tr>
          <th scope="col" className="px-4 py-2">
            {groupBy}
          </th>
          <th scope="col" className="px-3 py-2 text-right">
            Runs
          </th>
          {state.aggregate && (
            <>
              <th scope="col" className="px-3 py-2 text-right normal-case">
                min {state.aggregate}
              </th>
              <th scope="col" className="px-3 py-2 text-right normal-case">
                max {state.aggregate}
              </th>
              <th scope="col" className="px-3 py-2 text-right normal-case">
                mean {state.aggregate}
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {groups.map((group) => {
          const id = JSON.stringify(group.value);
          const isOpen = open.has(id);
          const label = group.value === null ? '(none)' : formatValue(group.value);
          return (
            <Fragment key={id}>
              <tr className="hover:bg-zinc-50 dark:hover:bg-zinc-900">
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  <button
                    type="button"
                    aria-expanded={isOpen}
                    onClick={() =>
                      setOpen((current) => {
                        const next = new Set(current);
                        if (next.has(id)) next.delete(id);
                        else next.add(id);
                        return next;
                      })
                    }
                    className="inline-flex items-center gap-1.5 hover:underline"
                  >
                    {isOpen ? (
                      <ChevronDown className="h-4 w-4" aria-hidden />
                    ) : (
                      <ChevronRight className="h-4 w-4" aria-hidden />
                    )}
                    {label}
                  </button>
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{group.count}</td>
                {state.aggregate && (
                  <>
                    <td className="px-3 py-2 text-right font-mono text-xs tabular-nums">
                      {number(group.min)}
                    </td>
                    <td className="px-3 py-2 text-right font-mono text-xs tabular-nums">
                      {number(group.max)}
                    </td>
                    <td className="px-3 py-2 text-right font-mono text-xs tabular-nums">
                      {number(group.mean)}
                    </td>
                  </>
                )}
              </tr>
              {isOpen && (
                <tr>
                  <td
                    colSpan={state.aggregate ? 5 : 2}
                    className="bg-zinc-50/60 p-0 dark:bg-zinc-900/40"
                  >
                    <GroupRuns
                      entity={entity}
                      project={project}
                      state={state}
                      filter={groupFilter(groupBy, group.value)}
                      label={label}
                      count={group.count}
                      columns={columns}
                      grid={grid}
                      version={version}
                      onRows={onRows}
                      onOnlyGroup={onOnlyGroup}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function GroupRuns({
  entity,
  project,
  state,
  filter,
  label,
  count,
  columns,
  grid,
  version,
  onRows,
  onOnlyGroup,
}: {
  entity: string;
  project: string;
  state: TableState;
  filter: TableFilter;
  label: string;
  count: number;
  columns: ColumnDef<TableRow>[];
  grid: GridState;
  version: number;
  onRows: (rows: TableRow[]) => void;
  onOnlyGroup: (filter: TableFilter) => void;
}) {
  const page = useRunsPage(
    entity,
    project,
    {
      ...state,
      filters: [...state.filters, filter],
      groupBy: null,
      aggregate: null,
      page: 0,
      pageSize: runsPerGroup,
    },
    version,
  );
  const rows = page.data?.rows;
  useEffect(() => {
    if (rows) onRows(rows);
  }, [rows, onRows]);
  if (page.status === 'error')
    return (
      <Alert tone="error" className="m-3">
        {page.message}
      </Alert>
    );
  if (!rows) return <p className="px-4 py-3 text-sm text-zinc-500">Loading runs…</p>;
  return (
    <div>
      <RunsGrid caption={`Runs in ${label}`} rows={rows} columns={columns} state={grid} />
      {count > rows.length && (
        <p className="px-4 py-2 text-xs text-zinc-600 dark:text-zinc-400">
          Showing the first {rows.length} of {count} runs.{' '}
          <button
            type="button"
            className="font-medium text-brand-700 hover:underline dark:text-brand-500"
            onClick={() => onOnlyGroup(filter)}
          >
            Filter to this group
          </button>
        </p>
      )}
    </div>
  );
}
