import { ChevronRight } from 'lucide-react';
import Link from 'next/link';

const linkClass = 'hover:text-zinc-900 hover:underline dark:hover:text-zinc-100';

/** entity › Model registry (› model). */
export function RegistryBreadcrumb({ entity, model }: { entity: string; model?: string }) {
  const crumbs = [
    { label: entity, href: `/${encodeURIComponent(entity)}` },
    {
      label: 'Model registry',
      href: model ? `/teams/${encodeURIComponent(entity)}/registry` : undefined,
    },
  ];
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-zinc-500 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((crumb, index) => (
          <li key={crumb.label + index} className="flex items-center gap-1">
            {index > 0 && <ChevronRight className="h-3.5 w-3.5" aria-hidden />}
            {crumb.href ? (
              <Link href={crumb.href} className={linkClass}>
                {crumb.label}
              </Link>
            ) : (
              <span>{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
