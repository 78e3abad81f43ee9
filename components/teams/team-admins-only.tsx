import { ShieldOff } from 'lucide-react';
import Link from 'next/link';
import type { TeamProfile } from '@/lib/teams/team-profile';

const link = 'text-sm font-medium text-brand-600 hover:underline dark:text-brand-500';

/**
 * What a team settings section shows to someone who may not manage the team. Organization
 * admins are pointed to the one section that is theirs too: Roles.
 */
export function TeamAdminsOnly({
  team,
}: {
  team: Pick<TeamProfile, 'name' | 'viewerRole' | 'viewerCanComposeRoles'>;
}) {
  return (
    <section className="mx-auto flex max-w-lg flex-col items-center gap-3 rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <ShieldOff className="h-8 w-8 text-zinc-400" aria-hidden />
      <h1 className="text-xl font-semibold">Only team admins can view team settings</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {team.viewerRole
          ? `You are a ${team.viewerRole === 'VIEW_ONLY' ? 'view-only member' : team.viewerRole === 'ADMIN' ? 'admin' : 'member'} of ${team.name}. Ask one of its admins if something needs to change.`
          : `You are not a member of ${team.name}.`}
        {team.viewerCanComposeRoles &&
          ' As an admin of its organization you can compose the custom roles its admins assign.'}
      </p>
      {team.viewerCanComposeRoles ? (
        <Link href={`/teams/${team.name}/settings/roles`} className={link}>
          Open the roles of {team.name}
        </Link>
      ) : (
        <Link href={`/${team.name}`} className={link}>
          Go to the {team.name} profile
        </Link>
      )}
    </section>
  );
}
