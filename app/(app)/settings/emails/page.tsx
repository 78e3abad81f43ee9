import { CheckCircle2, Mail } from 'lucide-react';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import {
  deleteEmailAction,
  makePrimaryEmailAction,
  resendVerificationAction,
} from '@/app/(app)/settings/actions';
import { ActionButton } from '@/components/settings/action-button';
import { AddEmailForm } from '@/components/settings/add-email-form';
import { SettingsPageHeader } from '@/components/settings/settings-page-header';
import { Card } from '@/components/ui/card';
import { listEmails, type EmailView } from '@/lib/accounts/manage-emails';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { configuredSsoProviders } from '@/lib/auth/providers';

export const metadata: Metadata = { title: 'Emails' };

/** Display names for the login methods listEmails reports (next-auth provider ids). */
function loginMethodLabel(method: string, oidcName: string): string {
  const labels: Record<string, string> = {
    password: 'Password',
    oidc: oidcName,
    github: 'GitHub',
    google: 'Google',
    email: 'Email link',
  };
  return labels[method] ?? method.charAt(0).toUpperCase() + method.slice(1);
}

const badge = 'rounded-md border px-2 py-0.5 text-xs font-medium';

function EmailRow({ email, oidcName }: { email: EmailView; oidcName: string }) {
  return (
    <li className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          <span
            className={
              email.verified
                ? 'font-medium break-all'
                : 'font-medium break-all text-red-600 dark:text-red-400'
            }
          >
            {email.address}
          </span>
          {email.isPrimary && (
            <span className="inline-flex items-center rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-zinc-800 dark:text-brand-500">
              Primary 😎
            </span>
          )}
        </p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
          {email.verified ? (
            <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
              <CheckCircle2 className="h-3.5 w-3.5" aria-hidden />
              Verified
            </span>
          ) : (
            <span className="font-medium text-red-600 dark:text-red-400">Unverified</span>
          )}
          <span className="flex flex-wrap items-center gap-1.5">
            <span className="text-zinc-500 dark:text-zinc-400">Log in methods:</span>
            {email.loginMethods.length > 0 ? (
              <ul
                className="flex flex-wrap gap-1.5"
                aria-label={`Log in methods for ${email.address}`}
              >
                {email.loginMethods.map((method) => (
                  <li
                    key={method}
                    className={`${badge} border-zinc-200 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300`}
                  >
                    {loginMethodLabel(method, oidcName)}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">none yet</span>
            )}
          </span>
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap items-start gap-2 sm:justify-end">
        {email.verified && !email.isPrimary && (
          <ActionButton
            action={makePrimaryEmailAction}
            fields={{ emailId: email.id }}
            label={`Make ${email.address} primary`}
            showSuccess={false}
          >
            Make primary
          </ActionButton>
        )}
        {!email.verified && (
          <ActionButton
            action={resendVerificationAction}
            fields={{ emailId: email.id }}
            label={`Resend verification to ${email.address}`}
          >
            Resend verification
          </ActionButton>
        )}
        {!email.isPrimary && (
          <ActionButton
            action={deleteEmailAction}
            fields={{ emailId: email.id }}
            label={`Delete ${email.address}`}
            variant="ghost"
            confirm={{
              title: 'Delete this email?',
              description: (
                <>
                  <strong className="font-medium text-zinc-900 dark:text-zinc-100">
                    {email.address}
                  </strong>{' '}
                  will be removed from your account, and any login method tied to it stops working.
                </>
              ),
              confirmLabel: 'Delete email',
            }}
          >
            Delete
          </ActionButton>
        )}
      </div>
    </li>
  );
}

export default async function EmailSettingsPage() {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/settings/emails');
  const emails = await listEmails(actor);
  const oidcName = configuredSsoProviders().find((p) => p.id === 'oidc')?.name ?? 'SSO';

  return (
    <>
      <SettingsPageHeader
        title="Emails"
        description="The addresses on your account, and the ways you can sign in with each."
      />
      <div className="space-y-6">
        <Card
          title="Your emails"
          description="Your primary email gets notifications and alerts. Only a verified email can be primary, and the primary email can't be deleted: make another one primary first."
        >
          {emails.length === 0 ? (
            <div className="flex flex-col items-center gap-2 py-6 text-center">
              <Mail className="h-6 w-6 text-zinc-400" aria-hidden />
              <p className="text-sm font-medium">No emails yet</p>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Add an address below to get notifications and sign in with it.
              </p>
            </div>
          ) : (
            <ul
              aria-label="Emails on your account"
              className="-mx-6 -my-5 divide-y divide-zinc-200 dark:divide-zinc-800"
            >
              {emails.map((email) => (
                <EmailRow key={email.id} email={email} oidcName={oidcName} />
              ))}
            </ul>
          )}
        </Card>
        <Card
          title="Add an email"
          description="Sign in with it once it is verified, or make it your primary email."
        >
          <AddEmailForm />
        </Card>
      </div>
    </>
  );
}
