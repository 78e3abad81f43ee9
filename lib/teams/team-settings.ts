import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { toAvatarWebp } from '../images/avatar';
import { teamProfileSchema, teamSettingsSchema } from './schemas';
import { teamWithAccess } from './team-access';

export interface TeamSettings {
  forcePrivateProjects: boolean;
  codeSavingDefault: boolean;
  runFinishedEmail: boolean;
  runFinishedSlack: boolean;
  runCrashedEmail: boolean;
  runCrashedSlack: boolean;
  slackWebhookUrl: string | null;
}

export function teamSettingsOf(team: {
  forcePrivateProjects: boolean;
  codeSavingDefault: boolean;
  alertRunFinishedEmail: boolean;
  alertRunFinishedSlack: boolean;
  alertRunCrashedEmail: boolean;
  alertRunCrashedSlack: boolean;
  slackWebhookUrl: string | null;
}): TeamSettings {
  return {
    forcePrivateProjects: team.forcePrivateProjects,
    codeSavingDefault: team.codeSavingDefault,
    runFinishedEmail: team.alertRunFinishedEmail,
    runFinishedSlack: team.alertRunFinishedSlack,
    runCrashedEmail: team.alertRunCrashedEmail,
    runCrashedSlack: team.alertRunCrashedSlack,
    slackWebhookUrl: team.slackWebhookUrl,
  };
}

export async function getTeamSettings(actor: Actor, teamName: string): Promise<TeamSettings> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:view-settings', { access });
  return teamSettingsOf(team);
}

/** Privacy, code saving and alert settings (team admins). */
export async function updateTeamSettings(
  actor: Actor,
  teamName: string,
  input: TeamSettings,
): Promise<TeamSettings> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const settings = parseInput(teamSettingsSchema, input);
  const slackWebhookUrl = settings.slackWebhookUrl || null;
  if ((settings.runFinishedSlack || settings.runCrashedSlack) && !slackWebhookUrl) {
    throw AppError.badInput('Add a Slack webhook URL to get Slack alerts', [
      { field: 'slackWebhookUrl', message: 'is required for Slack alerts' },
    ]);
  }
  const updated = await getPrisma().team.update({
    where: { id: team.id },
    data: {
      forcePrivateProjects: settings.forcePrivateProjects,
      codeSavingDefault: settings.codeSavingDefault,
      alertRunFinishedEmail: settings.runFinishedEmail,
      alertRunFinishedSlack: settings.runFinishedSlack,
      alertRunCrashedEmail: settings.runCrashedEmail,
      alertRunCrashedSlack: settings.runCrashedSlack,
      slackWebhookUrl,
    },
  });
  return teamSettingsOf(updated);
}

/** The public profile: markdown intro and external links (team admins). */
export async function updateTeamProfile(
  actor: Actor,
  teamName: string,
  input: { intro: string; links: { label: string; url: string }[] },
) {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const profile = parseInput(teamProfileSchema, input);
  await getPrisma().team.update({
    where: { id: team.id },
    data: { intro: profile.intro, links: profile.links },
  });
  return profile;
}

/** The team's picture, checked and resized like personal avatars. */
export async function setTeamAvatar(
  actor: Actor,
  teamName: string,
  bytes: Uint8Array,
): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const avatar = await toAvatarWebp(bytes);
  await getPrisma().team.update({
    where: { id: team.id },
    data: { avatar, avatarUpdatedAt: new Date() },
  });
}
