import Link from 'next/link';
import { appVersion } from '@/lib/version';

export function SiteFooter() {
  return (
    <footer className="border-t border-zinc-200 dark:border-zinc-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-6 py-8 text-sm text-zinc-500 sm:flex-row sm:items-center sm:justify-between dark:text-zinc-400">
        <p>Sextant {appVersion} · self-hostable experiment tracking</p>
        <nav aria-label="Footer" className="flex gap-6">
          <Link
            href="/api/health"
            prefetch={false}
            className="hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            Status
          </Link>
          {/* Not prefetched: the API answers Next's prefetch requests with 400. */}
          <Link
            href="/api/graphql"
            prefetch={false}
            className="hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            GraphQL API
          </Link>
        </nav>
      </div>
    </footer>
  );
}
