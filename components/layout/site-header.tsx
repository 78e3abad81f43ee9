import Link from 'next/link';
import { getViewer } from '@/lib/accounts/viewer';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { listMyTeams } from '@/lib/teams/my-teams';
import { TeamsMenu } from '../teams/teams-menu';
import { ButtonLink } from '../ui/button-link';
import { Avatar } from './avatar';
import { Logo } from './logo';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

const nav = [
  { href: '/#features', label: 'Features' },
  { href: '/#quickstart', label: 'Quickstart' },
];

/** The header of every page: main navigation, theme, and who is signed in. */
export async function SiteHeader() {
  const actor = await getCurrentActor();
  const [viewer, teams] = await Promise.all([getViewer(actor), listMyTeams(actor)]);
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4 sm:gap-6 sm:px-6">
        <div className="flex items-center gap-8">
          <Logo />
          <nav aria-label="Main" className="hidden items-center gap-1 sm:flex">
            {nav.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded-md px-3 py-2 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              >
                {item.label}
              </Link>
            ))}
          </nav>
        </div>
        <div className="flex items-center gap-1 whitespace-nowrap sm:gap-2">
          <ThemeToggle />
          {viewer ? (
            <>
              <TeamsMenu
                teams={teams.map(({ name, organizationName }) => ({ name, organizationName }))}
                isSystemAdmin={viewer.isSystemAdmin}
              />
              <Link
                href="/settings"
                className="flex items-center gap-2 rounded-md px-1 py-1 text-sm font-medium hover:bg-zinc-100 sm:px-2 dark:hover:bg-zinc-800"
                aria-label={`Settings for ${viewer.username}`}
              >
                <Avatar
                  name={viewer.name || viewer.username}
                  imageUrl={viewer.imageUrl}
                  size={28}
                />
                <span className="hidden sm:inline">{viewer.username}</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <ButtonLink href="/signin" variant="ghost" size="sm">
                Sign in
              </ButtonLink>
              <ButtonLink href="/signup" size="sm">
                Sign up
              </ButtonLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
