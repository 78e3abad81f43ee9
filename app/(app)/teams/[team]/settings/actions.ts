'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { parseRoleValue } from '@/components/teams/role-value';
import {
  formChecked,
  formText,
  runAction,
  type ActionState,
  runActionAndRevalidate,
} from '@/lib/actions';
import type { Actor } from '@/lib/auth/actor';
import { getCurrentActor } from '@/lib/auth/current-actor';
import { createCustomRole, deleteCustomRole, updateCustomRole } from '@/lib/teams/custom-roles';
import { inviteMember, resendInvite, revokeInvite } from '@/lib/teams/invites';
import { changeMemberRole, removeMember, setRegistryAdmin } from '@/lib/teams/members';
import { createServiceAccount, deleteServiceAccount } from '@/lib/teams/service-accounts';
import { setTeamAvatar, updateTeamProfile, updateTeamSettings } from '@/lib/teams/team-settings';
import { setTeamReportShowcase } from '@/lib/reports/report-showcase';
import { setTeamShowcase } from '@/lib/teams/team-showcase';

/*
 * Team settings server actions. Each reads the form (the team's name travels in a hidden
 * field), asks for the current actor, calls one service (which checks that the actor
 * administers that team, and validates) and refreshes the pages that show the result.
 */

const refreshSettings = (team: string) => revalidatePath(`/teams/${team}/settings`, 'layout');
/** The profile page shows the avatar, intro, links and member count. */
const refreshTeam = (team: string) => {
  refreshSettings(team);
  revalidatePath(`/${team}`);
};

/**
 * The common shape: one service call for the form's team, then a refresh of its settings.
 * `work` returns what runAction takes: the message to show, and any data for the form.
 */
async function forTeam<T = undefined>(
  form: FormData,
  work: (actor: Actor, team: string) => Promise<{ message?: string; data?: T } | void>,
): Promise<ActionState<T>> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  const result = await runAction<T>(() => work(actor, team));
  if (result.status === 'ok') refreshSettings(team);
  return result;
}

/* ---------- Members ---------- */

export async function changeMemberRoleAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor, team) => {
    await changeMemberRole(
      actor,
      team,
      formText(form, 'userId'),
      parseRoleValue(formText(form, 'role')),
    );
    return { message: 'Role saved.' };
  });
}

/** Called by a switch, not a form. */
export async function setRegistryAdminAction(
  team: string,
  userId: string,
  isRegistryAdmin: boolean,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const result = await runAction<undefined>(async () => {
    await setRegistryAdmin(actor, String(team), String(userId), isRegistryAdmin === true);
  });
  if (result.status === 'ok') refreshSettings(String(team));
  return result;
}

export async function removeMemberAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  const userId = formText(form, 'userId');
  const result = await runAction<undefined>(async () => {
    await removeMember(actor, team, userId);
    return { message: 'Member removed.' };
  });
  if (result.status === 'ok') {
    refreshTeam(team);
    // Someone who left the team has no settings to come back to.
    if (actor.kind === 'user' && actor.userId === userId) {
      revalidatePath('/', 'layout');
      redirect(`/${team}`);
    }
  }
  return result;
}

/* ---------- Invites ---------- */

export async function inviteMemberAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor, team) => {
    const invite = await inviteMember(actor, team, {
      email: formText(form, 'email'),
      ...parseRoleValue(formText(form, 'role')),
    });
    return { message: `Invite sent to ${invite.email}.` };
  });
}

export async function resendInviteAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor, team) => {
    const invite = await resendInvite(actor, team, formText(form, 'inviteId'));
    return { message: `Sent a new link to ${invite.email}.` };
  });
}

export async function revokeInviteAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor, team) => {
    await revokeInvite(actor, team, formText(form, 'inviteId'));
    return { message: 'Invite revoked.' };
  });
}

/* ---------- Custom roles (organization admins) ---------- */

const roleFields = (form: FormData) => ({
  name: formText(form, 'name'),
  // The service refuses anything else with a field error.
  baseRole: formText(form, 'baseRole') as 'MEMBER' | 'VIEW_ONLY',
  permissions: form.getAll('permissions').map(String),
});

export async function createCustomRoleAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor) => {
    const role = await createCustomRole(actor, formText(form, 'organizationId'), roleFields(form));
    return { message: `Created the role “${role.name}”.` };
  });
}

export async function updateCustomRoleAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor) => {
    const role = await updateCustomRole(actor, formText(form, 'roleId'), roleFields(form));
    return { message: `Saved the role “${role.name}”.` };
  });
}

export async function deleteCustomRoleAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor) => {
    const { membersFallenBack, baseRole } = await deleteCustomRole(actor, formText(form, 'roleId'));
    const base = baseRole === 'MEMBER' ? 'Member' : 'View-only';
    return {
      message:
        membersFallenBack === 0
          ? 'Role deleted.'
          : `Role deleted. ${membersFallenBack} ${membersFallenBack === 1 ? 'member is' : 'members are'} now ${base}.`,
    };
  });
}

/* ---------- Profile showcase ---------- */

export async function updateShowcaseAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  return runActionAndRevalidate<undefined>(`/${team}`, async () => {
    await setTeamShowcase(actor, team, form.getAll('projectIds').map(String));
    return { message: 'Showcase saved.' };
  });
}

/** The same for reports of the team's projects (lib/reports/report-showcase.ts). */
export async function updateReportShowcaseAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  return runActionAndRevalidate<undefined>(`/${team}`, async () => {
    await setTeamReportShowcase(actor, team, form.getAll('reportIds').map(String));
    return { message: 'Showcase saved.' };
  });
}

/* ---------- Service accounts ---------- */

/** What the create form shows once: the new account's name and its API key. */
export interface CreatedServiceAccount {
  name: string;
  secret: string;
}

export async function createServiceAccountAction(
  _previous: ActionState<CreatedServiceAccount>,
  form: FormData,
): Promise<ActionState<CreatedServiceAccount>> {
  return forTeam(form, async (actor, team) => {
    const { serviceAccount, secret } = await createServiceAccount(
      actor,
      team,
      formText(form, 'name'),
    );
    return {
      message: `Created service account “${serviceAccount.name}”.`,
      data: { name: serviceAccount.name, secret },
    };
  });
}

export async function deleteServiceAccountAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor, team) => {
    await deleteServiceAccount(actor, team, formText(form, 'serviceAccountId'));
    return { message: 'Service account deleted.' };
  });
}

/* ---------- General: avatar, profile, privacy and alerts ---------- */

export async function uploadTeamAvatarAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  const file = form.get('image');
  const result = await runAction<undefined>(async () => {
    const bytes =
      file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    await setTeamAvatar(actor, team, bytes);
    return { message: 'Team avatar updated.' };
  });
  if (result.status === 'ok') {
    refreshTeam(team);
    // Other pages show team avatars too (the header's team menu, the admin list).
    revalidatePath('/', 'layout');
  }
  return result;
}

export async function updateTeamProfileAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const team = formText(form, 'team');
  const urls = form.getAll('linkUrl').map(String);
  // Rows left completely empty are dropped; `index` remembers each kept row's place on screen.
  const rows = form
    .getAll('linkLabel')
    .map((label, index) => ({ label: String(label), url: urls[index] ?? '', index }))
    .filter((row) => row.label.trim() !== '' || row.url.trim() !== '');
  const result = await runAction<undefined>(async () => {
    await updateTeamProfile(actor, team, {
      intro: formText(form, 'intro'),
      links: rows.map(({ label, url }) => ({ label, url })),
    });
    return { message: 'Team profile saved.' };
  });
  if (result.status === 'ok') {
    refreshTeam(team);
    return result;
  }
  if (result.status !== 'error') return result;
  // The service numbers links among those sent; the form numbers the rows it shows.
  const fields = Object.fromEntries(
    Object.entries(result.fields).map(([field, message]) => {
      const match = /^links\.(\d+)\.(.+)$/.exec(field);
      const row = match ? rows[Number(match[1])] : undefined;
      return [row && match ? `links.${row.index}.${match[2]}` : field, message];
    }),
  );
  return { ...result, fields };
}

export async function updateTeamSettingsAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  return forTeam(form, async (actor, team) => {
    await updateTeamSettings(actor, team, {
      forcePrivateProjects: formChecked(form, 'forcePrivateProjects'),
      codeSavingDefault: formChecked(form, 'codeSavingDefault'),
      runFinishedEmail: formChecked(form, 'runFinishedEmail'),
      runFinishedSlack: formChecked(form, 'runFinishedSlack'),
      runCrashedEmail: formChecked(form, 'runCrashedEmail'),
      runCrashedSlack: formChecked(form, 'runCrashedSlack'),
      customEmail: formChecked(form, 'customEmail'),
      customSlack: formChecked(form, 'customSlack'),
      slackWebhookUrl: formText(form, 'slackWebhookUrl'),
    });
    return {
      message: formText(form, 'section') === 'privacy' ? 'Privacy saved.' : 'Alerts saved.',
    };
  });
}
