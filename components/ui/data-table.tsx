import type { ReactNode } from 'react';
import { cn } from './cn';

// A scrollable table shell: screen-reader caption, column headers and row dividers.

export const headerCellClass =
  'px-4 py-2.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

export interface DataTableColumn {
  label: string;
  /** Read by screen readers only, e.g. the column of row actions. */
  srOnly?: boolean;
  className?: string;
}

export function DataTable({
  caption,
  columns,
  className,
  tableClassName,
  children,
}: {
  caption: ReactNode;
  columns: (string | DataTableColumn)[];
  /** Classes of the scrolling wrapper, e.g. negative margins that reach a card's edges. */
  className?: string;
  tableClassName?: string;
  /** The body's rows. */
  children: ReactNode;
}) {
  return (
    <div className={cn('relative overflow-x-auto', className)}>
      <table className={cn('w-full text-sm', tableClassName)}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
          <tr>
            {columns.map((column) => {
              const {
                label,
                srOnly,
                className: cellClass,
              } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={label} scope="col" className={cn(headerCellClass, cellClass)}>
                  {srOnly ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}
