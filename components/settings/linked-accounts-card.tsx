import { unlinkAccountAction } from '@/app/(app)/settings/actions';
import { Card } from '@/components/ui/card';
import type { LinkedAccountView } from '@/lib/accounts/linked-accounts';
import type { SsoProviderInfo } from '@/lib/auth/providers';
import { ActionButton } from './action-button';
import { ConnectProviderButton } from './connect-provider-button';

/** Linked logins and integrations (GitHub, Google, the organisation's SSO): connect and disconnect. */
export function LinkedAccountsCard({
  linked,
  providers,
}: {
  linked: LinkedAccountView[];
  providers: SsoProviderInfo[];
}) {
  const nameOf = (provider: string) => providers.find((p) => p.id === provider)?.name ?? provider;
  const unlinked = providers.filter(
    (provider) => !linked.some((account) => account.provider === provider.id),
  );
  return (
    <Card
      title="Connected accounts"
      description="Sign in with these, and let Sextant use your GitHub identity for code links. Disconnecting keeps your Sextant account."
    >
      {linked.length === 0 && providers.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No SSO, GitHub or Google login is configured on this instance.
        </p>
      ) : (
        <div className="space-y-4">
          {linked.length > 0 ? (
            <ul
              aria-label="Connected accounts"
              className="divide-y divide-zinc-200 dark:divide-zinc-800"
            >
              {linked.map((account) => (
                <li
                  key={account.id}
                  className="flex items-center justify-between gap-4 py-3 first:pt-0"
                >
                  <div className="min-w-0 text-sm">
                    <p className="font-medium">{nameOf(account.provider)}</p>
                    <p className="truncate text-zinc-600 dark:text-zinc-400">
                      {account.displayName ?? account.email ?? 'Linked'}
                      {account.email && account.displayName !== account.email
                        ? ` · ${account.email}`
                        : ''}
                    </p>
                  </div>
                  <ActionButton
                    action={unlinkAccountAction}
                    fields={{ accountId: account.id }}
                    label={`Disconnect ${nameOf(account.provider)}`}
                    variant="ghost"
                    confirm={{
                      title: `Disconnect ${nameOf(account.provider)}?`,
                      description:
                        'You will no longer be able to sign in with it. You can connect it again later.',
                      confirmLabel: 'Disconnect',
                    }}
                  >
                    Disconnect
                  </ActionButton>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing connected yet.</p>
          )}
          {unlinked.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {unlinked.map((provider) => (
                <ConnectProviderButton
                  key={provider.id}
                  providerId={provider.id}
                  name={provider.name}
                />
              ))}
            </div>
          )}
        </div>
      )}
    </Card>
  );
}
