'use client';

import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type ColumnPinningState,
  type ColumnSizingState,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown, Pin, PinOff } from 'lucide-react';
import type { CSSProperties } from 'react';
import { cn } from '../ui/cn';
import type { TableRow } from './use-runs-page';

export interface GridState {
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  pinning: ColumnPinningState;
  onPinningChange: OnChangeFn<ColumnPinningState>;
  sizing: ColumnSizingState;
  onSizingChange: OnChangeFn<ColumnSizingState>;
  selection: RowSelectionState;
  onSelectionChange: OnChangeFn<RowSelectionState>;
}

/** Pinned columns stay in place while the rest scroll sideways under them. */
const controlColumns = new Set(['select', 'visible']);

function pinnedStyle(column: Column<TableRow>): CSSProperties {
  const pinned = column.getIsPinned();
  return {
    width: column.getSize(),
    minWidth: column.getSize(),
    maxWidth: column.getSize(),
    ...(controlColumns.has(column.id) && { paddingLeft: 10, paddingRight: 0 }),
    ...(pinned === 'left' && { position: 'sticky', left: column.getStart('left'), zIndex: 1 }),
  };
}

/**
 * The runs as a table (tanstack, server-side sorting and paging): sortable headers with
 * aria-sort, pinnable and resizable columns, selectable rows.
 */
export function RunsGrid({
  caption,
  rows,
  columns,
  state,
}: {
  caption: string;
  rows: TableRow[];
  columns: ColumnDef<TableRow>[];
  state: GridState;
}) {
  // TanStack Table returns fresh functions each render, which the React Compiler cannot memoise.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.run.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: true,
    sortDescFirst: false,
    enableRowSelection: true,
    columnResizeMode: 'onChange',
    defaultColumn: { minSize: 40, maxSize: 800 },
    state: {
      sorting: state.sorting,
      columnPinning: state.pinning,
      columnSizing: state.sizing,
      rowSelection: state.selection,
    },
    onSortingChange: state.onSortingChange,
    onColumnPinningChange: state.onPinningChange,
    onColumnSizingChange: state.onSizingChange,
    onRowSelectionChange: state.onSelectionChange,
  });
  const headers = [
    ...table.getLeftHeaderGroups()[0]!.headers,
    ...table.getCenterHeaderGroups()[0]!.headers,
  ];
  return (
    <div className="overflow-x-auto">
      <table
        className="border-separate border-spacing-0 text-sm"
        style={{ width: table.getTotalSize() }}
      >
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => {
              const column = header.column;
              const sorted = column.getIsSorted();
              const canSort = column.getCanSort();
              const pinned = column.getIsPinned();
              const name =
                typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
              const SortIcon =
                sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ArrowUpDown;
              return (
                <th
                  key={header.id}
                  scope="col"
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                  style={pinnedStyle(column)}
                  className={cn(
                    'group/th relative border-b border-zinc-200 bg-zinc-50 px-3 py-2 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400',
                    pinned && column.getIsLastColumn('left') && 'border-r',
                  )}
                >
                  <div className="flex items-center gap-1">
                    {canSort ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        className="flex min-w-0 items-center gap-1 hover:text-zinc-900 dark:hover:text-zinc-100"
                        aria-label={`Sort by ${name}`}
                        title="Sort (shift-click to add a second sort)"
                      >
                        <span className="truncate">
                          {flexRender(column.columnDef.header, header.getContext())}
                        </span>
                        <SortIcon
                          className={cn(
                            'h-3.5 w-3.5 shrink-0',
                            !sorted && 'opacity-0 group-hover/th:opacity-60',
                          )}
                          aria-hidden
                        />
                      </button>
                    ) : (
                      flexRender(column.columnDef.header, header.getContext())
                    )}
                    {column.getCanPin() && column.id !== 'select' && column.id !== 'visible' && (
                      <button
                        type="button"
                        onClick={() => column.pin(pinned ? false : 'left')}
                        aria-label={`${pinned ? 'Unpin' : 'Pin'} column ${name}`}
                        className={cn(
                          'ml-auto rounded p-0.5 hover:bg-zinc-200 dark:hover:bg-zinc-800',
                          !pinned && 'opacity-0 group-hover/th:opacity-100 focus:opacity-100',
                        )}
                      >
                        {pinned ? (
                          <PinOff className="h-3 w-3" aria-hidden />
                        ) : (
                          <Pin className="h-3 w-3" aria-hidden />
                        )}
                      </button>
                    )}
                  </div>
                  {column.getCanResize() && (
                    <div
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={`Resize column ${name}`}
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onDoubleClick={() => column.resetSize()}
                      className={cn(
                        'absolute top-0 right-0 h-full w-1.5 cursor-col-resize touch-none select-none hover:bg-brand-500/50',
                        column.getIsResizing() && 'bg-brand-500',
                      )}
                    />
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} aria-selected={row.getIsSelected()} className="group/row">
              {[...row.getLeftVisibleCells(), ...row.getCenterVisibleCells()].map((cell) => (
                <td
                  key={cell.id}
                  style={pinnedStyle(cell.column)}
                  className={cn(
                    'truncate border-b border-zinc-200 bg-white px-3 py-2 group-hover/row:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950 dark:group-hover/row:bg-zinc-900',
                    row.getIsSelected() && 'bg-brand-50 dark:bg-brand-700/20',
                    cell.column.getIsPinned() && cell.column.getIsLastColumn('left') && 'border-r',
                  )}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
