'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';
import { pageSizes } from './table-state';

/** Page controls for server-side paging: range, previous/next and the page size. */
export function TablePagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  const button =
    'inline-flex h-8 w-8 items-center justify-center rounded-md border border-zinc-300 hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';
  return (
    <nav
      aria-label="Pages"
      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400"
    >
      <p aria-live="polite">
        {first}–{last} of {total.toLocaleString('en')} {total === 1 ? 'run' : 'runs'}
      </p>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-2">
          Rows
          <select
            className={cn(inputClass, 'h-8 w-20 py-0')}
            value={pageSize}
            onChange={(event) => onPageSize(Number(event.target.value))}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums">
          Page {Math.min(page + 1, pages)} of {pages}
        </span>
        <button
          type="button"
          className={button}
          aria-label="Previous page"
          disabled={page === 0}
          onClick={() => onPage(page - 1)}
        >
          <ChevronLeft className="h-4 w-4" aria-hidden />
        </button>
        <button
          type="button"
          className={button}
          aria-label="Next page"
          disabled={page + 1 >= pages}
          onClick={() => onPage(page + 1)}
        >
          <ChevronRight className="h-4 w-4" aria-hidden />
        </button>
      </div>
    </nav>
  );
}
