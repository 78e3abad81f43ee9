import { Bot } from 'lucide-react';
import type { Metadata } from 'next';
import { deleteServiceAccountAction } from '@/app/(app)/teams/[team]/settings/actions';
import { ActionButton } from '@/components/settings/action-button';
import { RelativeTime } from '@/components/settings/relative-time';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { CreateServiceAccountForm } from '@/components/teams/create-service-account-form';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/ui/data-table';
import { listServiceAccounts } from '@/lib/teams/service-accounts';
import { loadTeamSettings } from '../load-team';
import { TeamAdminsOnly } from '@/components/teams/team-admins-only';

export const metadata: Metadata = { title: 'Service accounts' };

export default async function TeamServiceAccountsPage({
  params,
}: {
  params: Promise<{ team: string }>;
}) {
  const { actor, team } = await loadTeamSettings((await params).team);
  if (!team.viewerCanManage) return <TeamAdminsOnly team={team} />;
  const accounts = await listServiceAccounts(actor, team.name);

  return (
    <>
      <SettingsPageHeader
        title="Service accounts"
        description={`Robot members of ${team.name} for automation: they log runs to the team's projects with their own API key, not a person's.`}
      />
      <div className="space-y-6">
        <Card
          title="Create a service account"
          description="Its API key is shown once. Put it in SEXTANT_API_KEY on the machine that runs the job."
        >
          <CreateServiceAccountForm teamName={team.name} />
        </Card>

        <Card title="Service accounts">
          {accounts.length === 0 ? (
            <EmptyState icon={Bot} title="No service accounts yet">
              Create one above for CI jobs and schedulers.
            </EmptyState>
          ) : (
            <DataTable
              caption={`Service accounts of ${team.name}`}
              columns={['Name', 'Key', 'Created', 'Last used', { label: 'Actions', srOnly: true }]}
              className="-mx-6 -my-5"
              tableClassName="min-w-[34rem]"
            >
              {accounts.map((account) => (
                <tr key={account.id}>
                  <td className="px-4 py-3 font-medium break-words">{account.name}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    {account.keyPrefix ? (
                      <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                        {account.keyPrefix}…
                      </code>
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">No active key</span>
                    )}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <RelativeTime date={account.createdAt} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    {account.lastUsedAt ? <RelativeTime date={account.lastUsedAt} /> : 'Never'}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <ActionButton
                      action={deleteServiceAccountAction}
                      fields={{ team: team.name, serviceAccountId: account.id }}
                      label={`Delete ${account.name}`}
                      variant="ghost"
                      confirm={{
                        title: 'Delete this service account?',
                        description: (
                          <>
                            <strong className="font-medium text-zinc-900 dark:text-zinc-100">
                              {account.name}
                            </strong>{' '}
                            and its API key stop working at once. Runs it logged stay in the team.
                            This can&apos;t be undone.
                          </>
                        ),
                        confirmLabel: 'Delete service account',
                      }}
                    >
                      Delete
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
    </>
  );
}
