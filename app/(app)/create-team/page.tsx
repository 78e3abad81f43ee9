import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CreateTeamForm } from '@/components/teams/create-team-form';
import { Card } from '@/components/ui/card';
import { getViewer } from '@/lib/accounts/viewer';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { getSystemSettings } from '@/lib/system/settings';
import { listAdministeredOrganizations } from '@/lib/teams/create-team';

export const metadata: Metadata = { title: 'Create a team' };

export default async function CreateTeamPage() {
  const actor = await getCurrentActor();
  if (actor.kind !== 'user') redirect('/signin?callbackUrl=/create-team');
  const [viewer, organizations, settings] = await Promise.all([
    getViewer(actor),
    listAdministeredOrganizations(actor),
    getSystemSettings(),
  ]);
  // Shown as a hint only: createTeam decides, and says why when it refuses.
  const organizationsRestricted =
    settings.organizationCreation === 'admins' && !viewer?.isSystemAdmin;

  return (
    <div className="mx-auto max-w-2xl px-6 py-10">
      <div className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">Create a team</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          A team is a shared place for your group&apos;s projects, runs and reports. You become its
          first admin and can invite your colleagues next.
        </p>
      </div>
      <Card>
        <CreateTeamForm
          organizations={organizations.map((o) => ({ id: o.id, name: o.name }))}
          organizationsRestricted={organizationsRestricted}
        />
      </Card>
    </div>
  );
}
