import { ChevronRight } from 'lucide-react';
import Link from 'next/link';

export interface Crumb {
  label: string;
  /** Absent for the page itself (the last crumb). */
  href?: string;
}

const linkClass = 'hover:text-zinc-900 hover:underline dark:hover:text-zinc-100';

/** `a › b › c` above a page's title; long names are cut short rather than wrapping the row. */
export function Breadcrumb({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((crumb, index) => (
          <li key={crumb.label + index} className="flex min-w-0 items-center gap-1">
            {index > 0 && <ChevronRight className="h-3.5 w-3.5 shrink-0" aria-hidden />}
            {crumb.href ? (
              <Link href={crumb.href} className={`truncate ${linkClass}`}>
                {crumb.label}
              </Link>
            ) : (
              <span className="truncate">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
