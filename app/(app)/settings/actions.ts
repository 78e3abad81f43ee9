'use server';

import { unlinkAccount } from '@/lib/accounts/linked-accounts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { changePassword, deleteAccount, signOutEverywhere } from '@/lib/accounts/account-security';
import { createApiKey, revokeApiKey } from '@/lib/accounts/api-keys';
import {
  addEmail,
  deleteEmail,
  resendVerification,
  setPrimaryEmail,
} from '@/lib/accounts/manage-emails';
import {
  removeAvatar,
  setAvatar,
  setBetaFeature,
  updateAlertPreferences,
  updateProfile,
} from '@/lib/accounts/profile';
import {
  formChecked,
  formText,
  runAction,
  type ActionState,
  runActionAndRevalidate,
} from '@/lib/actions';
import { getCurrentActor } from '@/lib/auth/current-actor';

/*
 * Settings server actions. Each one reads the form, asks for the current actor, calls
 * exactly one service (which checks permissions and validates) and refreshes the page.
 */

// The header shows the name and avatar, so profile changes refresh the whole settings tree.
const refreshProfile = () => revalidatePath('/settings', 'layout');

/* ---------- Profile ---------- */

export async function updateProfileAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const result = await runAction<undefined>(async () => {
    await updateProfile(actor, {
      name: formText(form, 'name'),
      institution: formText(form, 'institution'),
      bio: formText(form, 'bio'),
      location: formText(form, 'location'),
      website: formText(form, 'website'),
    });
    return { message: 'Profile saved.' };
  });
  if (result.status === 'ok') refreshProfile();
  return result;
}

export async function uploadAvatarAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const file = form.get('image');
  const result = await runAction<undefined>(async () => {
    const bytes =
      file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    await setAvatar(actor, bytes);
    return { message: 'Profile picture updated.' };
  });
  if (result.status === 'ok') refreshProfile();
  return result;
}

export async function removeAvatarAction(
  _previous: ActionState,
  _form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const result = await runAction<undefined>(async () => {
    await removeAvatar(actor);
    return { message: 'Profile picture removed.' };
  });
  if (result.status === 'ok') refreshProfile();
  return result;
}

/* ---------- Emails ---------- */

export async function addEmailAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/emails', async () => {
    const email = await addEmail(actor, formText(form, 'address'));
    return { message: `We sent a verification link to ${email.address}.` };
  });
}

export async function deleteEmailAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/emails', async () => {
    await deleteEmail(actor, formText(form, 'emailId'));
    return { message: 'Email deleted.' };
  });
}

export async function makePrimaryEmailAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/emails', async () => {
    await setPrimaryEmail(actor, formText(form, 'emailId'));
    return { message: 'Primary email changed.' };
  });
}

export async function resendVerificationAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/emails', async () => {
    await resendVerification(actor, formText(form, 'emailId'));
    return { message: 'Verification email sent.' };
  });
}

/* ---------- API keys ---------- */

/** What the create form shows once: the new key's name and its secret. */
export interface CreatedApiKey {
  name: string;
  secret: string;
}

export async function createApiKeyAction(
  _previous: ActionState<CreatedApiKey>,
  form: FormData,
): Promise<ActionState<CreatedApiKey>> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<CreatedApiKey>('/settings/api-keys', async () => {
    const { apiKey, secret } = await createApiKey(actor, formText(form, 'name'));
    return { message: `Created API key “${apiKey.name}”.`, data: { name: apiKey.name, secret } };
  });
}

export async function revokeApiKeyAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/api-keys', async () => {
    await revokeApiKey(actor, formText(form, 'apiKeyId'));
    return { message: 'API key revoked.' };
  });
}

/* ---------- Alerts & beta features ---------- */

export async function updateAlertPreferencesAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/preferences', async () => {
    await updateAlertPreferences(actor, {
      runFinishedEmail: formChecked(form, 'runFinishedEmail'),
      runFinishedSlack: formChecked(form, 'runFinishedSlack'),
      runCrashedEmail: formChecked(form, 'runCrashedEmail'),
      runCrashedSlack: formChecked(form, 'runCrashedSlack'),
      customEmail: formChecked(form, 'customEmail'),
      customSlack: formChecked(form, 'customSlack'),
      slackWebhookUrl: formText(form, 'slackWebhookUrl'),
    });
    return { message: 'Alert preferences saved.' };
  });
}

/** Called by a switch, not a form: one beta feature on or off. */
export async function setBetaFeatureAction(key: string, enabled: boolean): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/preferences', async () => {
    await setBetaFeature(actor, String(key), enabled === true);
  });
}

/* ---------- Account ---------- */

export async function changePasswordAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const result = await runAction<undefined>(async () => {
    await changePassword(actor, {
      currentPassword: formText(form, 'currentPassword'),
      newPassword: formText(form, 'newPassword'),
    });
  });
  // Changing the password signs out every session, this one included.
  if (result.status === 'ok') redirect('/signin?notice=password-changed');
  return result;
}

export async function signOutEverywhereAction(
  _previous: ActionState,
  _form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const result = await runAction(() => signOutEverywhere(actor));
  if (result.status === 'ok') redirect('/signin?notice=signed-out-everywhere');
  return result;
}

export async function deleteAccountAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  const result = await runAction(() => deleteAccount(actor, formText(form, 'confirmUsername')));
  if (result.status === 'ok') redirect('/?notice=account-deleted');
  return result;
}

export async function unlinkAccountAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const actor = await getCurrentActor();
  return runActionAndRevalidate<undefined>('/settings/account', async () => {
    await unlinkAccount(actor, formText(form, 'accountId'));
    return { message: 'Disconnected.' };
  });
}
