import { KeyRound } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { revokeApiKeyAction } from '@/app/(app)/settings/actions';
import { ActionButton } from '@/components/settings/action-button';
import { CreateApiKeyForm } from '@/components/settings/create-api-key-form';
import { RelativeTime } from '@/components/settings/relative-time';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DataTable } from '@/components/ui/data-table';
import { listApiKeys } from '@/lib/accounts/api-keys';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { getEnv } from '@/lib/env';

export const metadata: Metadata = { title: 'API keys' };

const codeBlock =
  'overflow-x-auto rounded-lg border border-zinc-200 bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100 dark:border-zinc-800';

export default async function ApiKeySettingsPage() {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/settings/api-keys');
  const keys = await listApiKeys(actor);
  const baseUrl = getEnv().APP_URL.replace(/\/$/, '');
  const curl = `curl ${baseUrl}/api/graphql \\
  -H "Authorization: Bearer $SEXTANT_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"query":"{ instance { version } }"}'`;

  return (
    <>
      <SettingsPageHeader
        title="API keys"
        description="Keys let the SDK, the CLI and your scripts act as you. Treat them like passwords."
      />
      <div className="space-y-6">
        <Card
          title="Create a key"
          description="Give each machine or script its own key, so you can revoke one without breaking the others."
        >
          <CreateApiKeyForm />
        </Card>

        <Card title="Your keys">
          {keys.length === 0 ? (
            <EmptyState icon={KeyRound} title="No API keys yet">
              Create one above to log runs from code.
            </EmptyState>
          ) : (
            <DataTable
              caption="Your API keys"
              columns={['Name', 'Key', 'Created', 'Last used', { label: 'Actions', srOnly: true }]}
              className="-mx-6 -my-5"
              tableClassName="min-w-[34rem]"
            >
              {keys.map((key) => (
                <tr key={key.id}>
                  <td className="px-4 py-3 font-medium break-words">{key.name}</td>
                  <td className="px-4 py-3 whitespace-nowrap">
                    <code className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
                      {key.prefix}…
                    </code>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <RelativeTime date={key.createdAt} />
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    {key.lastUsedAt ? <RelativeTime date={key.lastUsedAt} /> : 'Never'}
                  </td>
                  <td className="px-4 py-3 text-right">
                    <ActionButton
                      action={revokeApiKeyAction}
                      fields={{ apiKeyId: key.id }}
                      label={`Revoke ${key.name}`}
                      variant="ghost"
                      confirm={{
                        title: 'Revoke this API key?',
                        description: (
                          <>
                            Anything still using{' '}
                            <strong className="font-medium text-zinc-900 dark:text-zinc-100">
                              {key.name}
                            </strong>{' '}
                            (<code className="font-mono text-xs">{key.prefix}…</code>) stops working
                            at once. This can&apos;t be undone.
                          </>
                        ),
                        confirmLabel: 'Revoke key',
                      }}
                    >
                      Revoke
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>

        <Card
          title="Using a key"
          description="Send the key in the Authorization header of every request."
        >
          <div className="space-y-4 text-sm">
            <pre className={codeBlock}>
              <code>Authorization: Bearer &lt;key&gt;</code>
            </pre>
            <p className="text-zinc-600 dark:text-zinc-400">
              For example, with the key in the{' '}
              <code className="font-mono text-xs">SEXTANT_API_KEY</code> environment variable:
            </p>
            <pre className={codeBlock}>
              <code>{curl}</code>
            </pre>
          </div>
        </Card>
      </div>
    </>
  );
}
