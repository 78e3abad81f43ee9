import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ButtonLink } from '@/components/ui/button-link';

export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader />
      <main className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center gap-4 px-6 text-center">
        <p className="text-sm font-medium text-brand-600">404</p>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          This page does not exist, or you do not have access to it.
        </p>
        <ButtonLink href="/" variant="secondary">
          Back to home
        </ButtonLink>
      </main>
      <SiteFooter />
    </div>
  );
}
