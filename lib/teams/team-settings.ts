import {
  alertSettingsColumns,
  alertSettingsOf,
  type AlertSettings,
  type AlertSettingsColumns,
  type AlertSettingsInput,
} from '../alerts/alert-settings';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { toAvatarWebp } from '../images/avatar';
import { teamProfileSchema, teamSettingsSchema } from './schemas';
import { teamWithAccess } from './team-access';

/** Privacy and code saving, plus the alert settings for runs in the team's projects. */
export interface TeamSettings extends AlertSettings {
  forcePrivateProjects: boolean;
  codeSavingDefault: boolean;
}

export function teamSettingsOf(
  team: AlertSettingsColumns & { forcePrivateProjects: boolean; codeSavingDefault: boolean },
): TeamSettings {
  return {
    forcePrivateProjects: team.forcePrivateProjects,
    codeSavingDefault: team.codeSavingDefault,
    ...alertSettingsOf(team),
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
  input: AlertSettingsInput & { forcePrivateProjects: boolean; codeSavingDefault: boolean },
): Promise<TeamSettings> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const settings = parseInput(teamSettingsSchema, input);
  const updated = await getPrisma().team.update({
    where: { id: team.id },
    data: {
      forcePrivateProjects: settings.forcePrivateProjects,
      codeSavingDefault: settings.codeSavingDefault,
      ...alertSettingsColumns(settings, team),
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
