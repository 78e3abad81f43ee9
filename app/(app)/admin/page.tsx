import { Plus, ShieldOff, UsersRound } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DeleteTeamButton } from '@/components/admin/delete-team-button';
import { SystemSettingsForm } from '@/components/admin/system-settings-form';
import { RelativeTime } from '@/components/settings/relative-time';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/ui/data-table';
import { can } from '@/lib/permissions/catalog';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { readSystemSettings } from '@/lib/system/settings';
import { listAllTeams } from '@/lib/teams/list-all-teams';

export const metadata: Metadata = { title: 'System administration' };

export default async function AdminPage() {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/admin');
  // The catalog decides; listAllTeams and readSystemSettings below assert the same permission.
  if (!can(actor, 'system:manage', {})) {
    return (
      <div className="mx-auto max-w-5xl px-6 py-10">
        <section className="mx-auto flex max-w-lg flex-col items-center gap-3 rounded-xl border border-zinc-200 bg-white px-6 py-12 text-center shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <ShieldOff className="h-8 w-8 text-zinc-400" aria-hidden />
          <h1 className="text-xl font-semibold">Only system administrators can see this page</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            System administration covers instance-wide settings and every team. Ask a system
            administrator if something needs to change.
          </p>
          <Link
            href="/"
            className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500"
          >
            Back to home
          </Link>
        </section>
      </div>
    );
  }

  const [settings, teams] = await Promise.all([readSystemSettings(actor), listAllTeams(actor)]);

  return (
    <div className="mx-auto max-w-5xl px-6 py-10">
      <div className="mb-8 border-b border-zinc-200 pb-6 dark:border-zinc-800">
        <h1 className="text-3xl font-semibold tracking-tight">System administration</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Settings for this whole Sextant instance, and every team on it.
        </p>
      </div>
      <div className="space-y-6">
        <Card
          title="System settings"
          description="Who may start organizations, and how much each user and team may store."
        >
          <SystemSettingsForm settings={settings} />
        </Card>

        <Card
          title={`Teams (${teams.length})`}
          description="Every team of the instance. Deleting a team deletes its projects and runs."
        >
          <div className="space-y-4">
            <div className="flex justify-end">
              <ButtonLink href="/create-team" size="sm">
                <Plus className="h-4 w-4" aria-hidden />
                Create team
              </ButtonLink>
            </div>
            {teams.length === 0 ? (
              <EmptyState icon={UsersRound} title="No teams yet">
                Teams created by anyone on this instance appear here.
              </EmptyState>
            ) : (
              <DataTable
                caption="All teams"
                columns={[
                  'Team',
                  'Organization',
                  'Members',
                  'Created',
                  { label: 'Actions', srOnly: true },
                ]}
                className="-mx-6 -mb-5 border-t border-zinc-200 dark:border-zinc-800"
                tableClassName="min-w-[36rem]"
              >
                {teams.map((team) => (
                  <tr key={team.name}>
                    <td className="px-4 py-3">
                      <Link
                        href={`/${team.name}`}
                        className="font-medium text-brand-600 hover:underline dark:text-brand-500"
                      >
                        {team.name}
                      </Link>
                    </td>
                    <td className="px-4 py-3 text-zinc-600 dark:text-zinc-400">
                      {team.organizationName}
                    </td>
                    <td className="px-4 py-3 text-zinc-600 tabular-nums dark:text-zinc-400">
                      {team.memberCount}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      <RelativeTime date={team.createdAt} />
                    </td>
                    <td className="px-4 py-3 text-right">
                      <DeleteTeamButton teamName={team.name} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </div>
        </Card>
      </div>
    </div>
  );
}
