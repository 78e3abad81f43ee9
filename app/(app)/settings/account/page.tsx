import { LogOut } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signOutEverywhereAction } from '@/app/(app)/settings/actions';
import { ActionButton } from '@/components/settings/action-button';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { DeleteAccountForm } from '@/components/settings/delete-account-form';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { Card } from '@/components/ui/card';
import { LinkedAccountsCard } from '@/components/settings/linked-accounts-card';
import { listLinkedAccounts } from '@/lib/accounts/linked-accounts';
import { getViewer } from '@/lib/accounts/viewer';
import { configuredSsoProviders } from '@/lib/auth/providers';
import { getCurrentActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountSettingsPage() {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/settings/account');
  const [viewer, linked] = await Promise.all([getViewer(actor), listLinkedAccounts(actor)]);

  return (
    <>
      <SettingsPageHeader
        title="Account"
        description="Your password, your sessions, and deleting your account."
      />
      <div className="space-y-6">
        <Card
          title={viewer?.hasPassword ? 'Change password' : 'Set a password'}
          description={
            viewer?.hasPassword
              ? undefined
              : 'You sign in with SSO or email links. A password adds another way in.'
          }
        >
          <ChangePasswordForm username={actor.username} hasPassword={viewer?.hasPassword ?? true} />
        </Card>

        <LinkedAccountsCard linked={linked} providers={configuredSsoProviders()} />

        <Card
          title="Sessions"
          description="Signed in on a shared or lost computer? Sign out of every browser at once, this one included. API keys keep working; revoke them separately."
        >
          <div className="flex justify-end">
            <ActionButton action={signOutEverywhereAction} size="md">
              <LogOut className="h-4 w-4" aria-hidden />
              Sign out everywhere
            </ActionButton>
          </div>
        </Card>

        <Card
          title={<span className="text-red-700 dark:text-red-400">Danger zone</span>}
          description="Deleting your account can't be undone."
          className="border-red-300 dark:border-red-900/70"
        >
          <div className="space-y-5 text-sm">
            <div className="space-y-2">
              <p className="font-medium">Deleting your account removes, for good:</p>
              <ul className="list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
                <li>your profile and profile picture,</li>
                <li>your email addresses and login methods,</li>
                <li>your API keys and every session,</li>
                <li>your personal projects, with their runs, files and artifacts.</li>
              </ul>
              <p className="text-zinc-600 dark:text-zinc-400">
                Runs you logged in team projects stay with the team, attributed to a deleted user.
              </p>
            </div>
            <DeleteAccountForm username={actor.username} />
          </div>
        </Card>
      </div>
    </>
  );
}
