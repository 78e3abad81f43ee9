import { ChevronRight } from 'lucide-react';
import Link from 'next/link';

const linkClass = 'hover:text-zinc-900 hover:underline dark:hover:text-zinc-100';

/** entity › project › Reports (› report), as on the artifact pages. */
export function ReportsBreadcrumb({
  entity,
  project,
  report,
}: {
  entity: string;
  project: string;
  /** The report's title and id, on a report's own pages. */
  report?: { id: string; title: string; current?: boolean };
}) {
  const base = `/${entity}/${project}/reports`;
  const crumbs = [
    { label: entity, href: `/${entity}` },
    { label: project, href: `/${entity}/${project}` },
    { label: 'Reports', href: report ? base : undefined },
    ...(report
      ? [{ label: report.title, href: report.current ? undefined : `${base}/${report.id}` }]
      : []),
  ];
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
