'use client';

import type {
  ColumnPinningState,
  ColumnSizingState,
  RowSelectionState,
  SortingState,
  Updater,
} from '@tanstack/react-table';
import { RotateCw, Search, SearchX, X } from 'lucide-react';
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { runColor } from '../runs/run-colors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';
import { ProjectWorkspace } from '../workspace/project-workspace';
import { BulkActionBar } from './bulk-action-bar';
import { ColumnPicker } from './column-picker';
import { defaultColumns } from './column-values';
import { FilterBuilder } from './filter-builder';
import { opLabels } from './filter-ops';
import { GroupByControl } from './group-by-control';
import { GroupedRuns } from './grouped-runs';
import { runColumns } from './run-columns';
import { RunsGrid, type GridState } from './runs-grid';
import { TablePagination } from './table-pagination';
import { readTableState, writeTableState, type TableFilter, type TableState } from './table-state';
import { useColumnKeys, useRunsPage, type TableRow } from './use-runs-page';
import { useHiddenRuns } from './use-hidden-runs';

const resolve = <T,>(updater: Updater<T>, old: T): T =>
  typeof updater === 'function' ? (updater as (old: T) => T)(old) : updater;

function describeFilter(filter: TableFilter): string {
  const value = filter.values?.length ? filter.values.join(', ') : (filter.value ?? '');
  return `${filter.key} ${opLabels[filter.op]} ${value}`.trim();
}

/**
 * A project's runs table with the chart workspace under it. Everything that shapes the
 * table (search, filters, sort, page, grouping, columns) lives in the URL query; the
 * server filters, sorts and pages (lib/runs/query-runs-table.ts).
 */
export function RunsTable({ entity, project }: { entity: string; project: string }) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(
    () => readTableState(new URLSearchParams(searchParams.toString())),
    [searchParams],
  );
  const setState = useCallback(
    (change: Partial<TableState>, resetPage = true) => {
      const next = {
        ...state,
        ...change,
        ...(resetPage && !('page' in change) ? { page: 0 } : {}),
      };
      const query = writeTableState(next).toString();
      // The History API keeps Next's useSearchParams in step without a server round trip.
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [state, pathname],
  );

  const [version, setVersion] = useState(0);
  const page = useRunsPage(entity, project, state, version);
  const keys = useColumnKeys(entity, project, version);
  const extraKeys = state.columns ?? defaultColumns(keys);
  const [hidden, toggleHidden] = useHiddenRuns(entity, project);
  const [status, setStatus] = useState<string | null>(null);

  const [pinning, setPinning] = useState<ColumnPinningState>({
    left: ['select', 'visible', 'name'],
  });
  const [sizing, setSizing] = useState<ColumnSizingState>({});
  // Selection belongs to one question (search, filters, sort, page, grouping): a new one
  // starts empty, since what was selected may no longer be on screen.
  const specKey = JSON.stringify([
    state.search,
    state.filters,
    state.sort,
    state.page,
    state.pageSize,
    state.groupBy,
  ]);
  const [selected, setSelected] = useState<{ key: string; rows: RowSelectionState }>({
    key: specKey,
    rows: {},
  });
  const selection = selected.key === specKey ? selected.rows : {};
  const setSelection = (rows: RowSelectionState) => setSelected({ key: specKey, rows });
  // Rows shown inside open groups, so the bulk bar knows what each selected run allows.
  const [groupRows, setGroupRows] = useState<Map<string, TableRow>>(new Map());
  const rememberRows = useCallback(
    (rows: TableRow[]) =>
      setGroupRows(
        (known) => new Map([...known, ...rows.map((row) => [row.run.id, row] as const)]),
      ),
    [],
  );

  const sorting: SortingState = state.sort.map((s) => ({ id: s.key, desc: s.desc }));
  const grid: GridState = {
    sorting,
    onSortingChange: (updater) =>
      setState({ sort: resolve(updater, sorting).map((s) => ({ key: s.id, desc: s.desc })) }),
    pinning,
    onPinningChange: (updater) => setPinning((old) => resolve(updater, old)),
    sizing,
    onSizingChange: (updater) => setSizing((old) => resolve(updater, old)),
    selection,
    onSelectionChange: (updater) => setSelection(resolve(updater, selection)),
  };
  const extraKeysText = extraKeys.join('\n');
  const columns = useMemo(
    () =>
      runColumns(extraKeysText ? extraKeysText.split('\n') : [], {
        entity,
        project,
        hidden,
        onToggleHidden: toggleHidden,
      }),
    [extraKeysText, entity, project, hidden, toggleHidden],
  );

  const pageRows = new Map((page.data?.rows ?? []).map((row) => [row.run.id, row] as const));
  const selectedRows = Object.keys(selection)
    .filter((id) => selection[id])
    .map((id) => pageRows.get(id) ?? groupRows.get(id))
    .filter((row): row is TableRow => !!row);

  const data = page.data;
  const chartRuns = (data?.rows ?? [])
    .filter((row) => !hidden.has(row.run.id))
    .map((row) => ({
      id: row.run.id,
      runId: row.run.id,
      name: row.run.displayName,
      color: runColor(row.run.id),
    }));
  const filtered = state.filters.length > 0 || !!state.search;

  return (
    <div className="space-y-6">
      <section
        aria-label="Runs"
        className="rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-950"
      >
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <SearchBox value={state.search} onChange={(search) => setState({ search })} />
          <FilterBuilder
            filters={state.filters}
            keys={keys.map((k) => k.key)}
            onApply={(filters) => setState({ filters })}
          />
          <GroupByControl
            keys={keys}
            groupBy={state.groupBy}
            aggregate={state.aggregate}
            onChange={(groupBy, aggregate) => setState({ groupBy, aggregate })}
          />
          <div className="ml-auto flex items-center gap-2">
            {page.status === 'loading' && data && (
              <span role="status" className="text-xs text-zinc-500">
                Updating…
              </span>
            )}
            <ColumnPicker
              keys={keys}
              chosen={extraKeys}
              onChange={(columns) => setState({ columns }, false)}
            />
          </div>
          {state.filters.length > 0 && (
            <ul aria-label="Active filters" className="flex w-full flex-wrap gap-1.5">
              {state.filters.map((filter, index) => (
                <li
                  key={index}
                  className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 font-mono text-xs text-brand-700 dark:bg-zinc-800 dark:text-zinc-200"
                >
                  {describeFilter(filter)}
                  <button
                    type="button"
                    aria-label={`Remove filter ${describeFilter(filter)}`}
                    onClick={() =>
                      setState({ filters: state.filters.filter((_, i) => i !== index) })
                    }
                    className="rounded-full p-0.5 hover:bg-brand-100 dark:hover:bg-zinc-700"
                  >
                    <X className="h-3 w-3" aria-hidden />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        {selectedRows.length > 0 && data && (
          <div className="border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
            <BulkActionBar
              entity={entity}
              project={project}
              selected={selectedRows}
              canEdit={data.canEdit}
              onClear={() => setSelection({})}
              onDone={(message) => {
                setStatus(message);
                setSelection({});
                setVersion((v) => v + 1);
              }}
            />
          </div>
        )}
        {status && (
          <div className="px-4 pt-3">
            <Alert tone="success">{status}</Alert>
          </div>
        )}

        {page.status === 'error' && (
          <div className="p-4">
            <Alert tone="error">
              <p>Could not load the runs: {page.message}</p>
              <Button
                variant="secondary"
                size="sm"
                className="mt-2"
                onClick={() => setVersion((v) => v + 1)}
              >
                <RotateCw className="h-4 w-4" aria-hidden />
                Retry
              </Button>
            </Alert>
          </div>
        )}

        {!data && page.status === 'loading' && <TableSkeleton />}

        {data && state.groupBy && data.groups && (
          <GroupedRuns
            entity={entity}
            project={project}
            state={state}
            groups={data.groups}
            columns={columns}
            grid={grid}
            version={version}
            onRows={rememberRows}
            onOnlyGroup={(filter) =>
              setState({ filters: [...state.filters, filter], groupBy: null, aggregate: null })
            }
          />
        )}

        {data && !state.groupBy && (
          <div className={cn(page.status === 'loading' && 'opacity-60 transition-opacity')}>
            {data.rows.length === 0 ? (
              <div className="flex flex-col items-center gap-2 px-4 py-12 text-center">
                <SearchX className="h-6 w-6 text-zinc-400" aria-hidden />
                <p className="text-sm font-medium">
                  {filtered ? 'No runs match' : 'No runs on this page'}
                </p>
                {filtered && (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setState({ filters: [], search: '' })}
                  >
                    Clear search and filters
                  </Button>
                )}
              </div>
            ) : (
              <RunsGrid
                caption={`Runs of ${project}`}
                rows={data.rows}
                columns={columns}
                state={grid}
              />
            )}
            <TablePagination
              page={state.page}
              pageSize={state.pageSize}
              total={data.totalCount}
              onPage={(p) => setState({ page: p })}
              onPageSize={(pageSize) => setState({ pageSize })}
            />
          </div>
        )}
      </section>

      {data && (
        <div>
          <ProjectWorkspace
            entityName={entity}
            projectName={project}
            runs={chartRuns}
            canEdit={data.canEditWorkspace}
          />
        </div>
      )}
    </div>
  );
}

/** Search as you type, sent once typing pauses. */
function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  // What is typed, and the URL value it was typed over: a new URL value (back button,
  // "clear filters") replaces the draft.
  const [draft, setDraft] = useState({ base: value, text: value });
  const text = draft.base === value ? draft.text : value;
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="relative w-64">
      <Search
        className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-400"
        aria-hidden
      />
      <input
        type="search"
        aria-label="Search runs"
        placeholder="Search names, notes, tags"
        className={cn(inputClass, 'h-8 py-0 pl-8')}
        value={text}
        onChange={(event) => setDraft({ base: value, text: event.target.value })}
      />
    </div>
  );
}

function TableSkeleton() {
  return (
    <div role="status" aria-label="Loading runs" className="space-y-2 p-4">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-8 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/70" />
      ))}
    </div>
  );
}
