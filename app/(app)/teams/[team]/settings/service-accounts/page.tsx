import { Bot } from 'lucide-react';
import type { Metadata } from 'next';
import { deleteServiceAccountAction } from '@/app/(app)/teams/[team]/settings/actions';
import { ActionButton } from '@/components/settings/action-button';
import { RelativeTime } from '@/components/settings/relative-time';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { CreateServiceAccountForm } from '@/components/teams/create-service-account-form';
import { Card } from '@/components/ui/card';
import { listServiceAccounts } from '@/lib/teams/service-accounts';
import { loadTeamSettings } from '../load-team';

export const metadata: Metadata = { title: 'Service accounts' };

const headerCell =
  'px-4 py-2.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400';

export default async function TeamServiceAccountsPage({
  params,
}: {
  params: Promise<{ team: string }>;
}) {
  const { actor, team } = await loadTeamSettings((await params).team);
  if (!team.viewerCanManage) return null;
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
            <div className="flex flex-col items-center gap-2 py-6 text-center">
              <Bot className="h-6 w-6 text-zinc-400" aria-hidden />
              <p className="text-sm font-medium">No service accounts yet</p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Create one above for CI jobs and schedulers.
              </p>
            </div>
          ) : (
            <div className="relative -mx-6 -my-5 overflow-x-auto">
              <table className="w-full min-w-[34rem] text-sm">
                <caption className="sr-only">Service accounts of {team.name}</caption>
                <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
                  <tr>
                    <th scope="col" className={headerCell}>
                      Name
                    </th>
                    <th scope="col" className={headerCell}>
                      Key
                    </th>
                    <th scope="col" className={headerCell}>
                      Created
                    </th>
                    <th scope="col" className={headerCell}>
                      Last used
                    </th>
                    <th scope="col" className={headerCell}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
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
                                and its API key stop working at once. Runs it logged stay in the
                                team. This can&apos;t be undone.
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
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
