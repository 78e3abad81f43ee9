import type { ReactNode } from 'react';
import { SiteShell } from '@/components/layout/site-shell';

/** Pages of signed-in people: settings, teams, projects and runs. */
export default function AppLayout({ children }: { children: ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
