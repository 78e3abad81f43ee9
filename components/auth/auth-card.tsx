import type { ReactNode } from 'react';

/** The card every sign-in / sign-up / verification screen sits in. */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <div className="rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {subtitle && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{subtitle}</p>}
        <div className="mt-6 space-y-5">{children}</div>
      </div>
      {footer && <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</p>}
    </div>
  );
}
