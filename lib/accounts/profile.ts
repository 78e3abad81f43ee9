import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { toAvatarWebp } from '../images/avatar';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { enabledBetaFeatures, isBetaFeatureKey } from './feature-flags';
import {
  alertSettingsColumns,
  alertSettingsOf,
  alertSettingsSchema,
  type AlertSettings,
  type AlertSettingsInput,
} from '../alerts/alert-settings';
import { profileSchema } from './schemas';

export interface ProfileInput {
  name: string;
  institution: string;
  bio: string;
  location: string;
  website: string;
}

export async function updateProfile(actor: Actor, input: ProfileInput) {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  const data = parseInput(profileSchema, input);
  return getPrisma().user.update({ where: { id: userId }, data });
}

/** Stores a new profile picture (validated and resized by toAvatarWebp). */
export async function setAvatar(actor: Actor, bytes: Uint8Array): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  const image = await toAvatarWebp(bytes);
  await getPrisma().user.update({
    where: { id: userId },
    data: { image, imageUpdatedAt: new Date() },
  });
}

export async function removeAvatar(actor: Actor): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  await getPrisma().user.update({
    where: { id: userId },
    data: { image: null, imageUpdatedAt: null },
  });
}

/** An avatar (a person's or a team's, by entity name) is public, like a profile picture on any site. */
export async function getAvatar(
  entityName: string,
): Promise<{ image: Uint8Array; updatedAt: Date } | null> {
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({
    where: { username: entityName },
    select: { image: true, imageUpdatedAt: true },
  });
  if (user?.image) return { image: user.image, updatedAt: user.imageUpdatedAt ?? new Date(0) };
  const team = await prisma.team.findUnique({
    where: { name: entityName },
    select: { avatar: true, avatarUpdatedAt: true },
  });
  if (team?.avatar) return { image: team.avatar, updatedAt: team.avatarUpdatedAt ?? new Date(0) };
  return null;
}

export async function setBetaFeature(
  actor: Actor,
  key: string,
  enabled: boolean,
): Promise<string[]> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  if (!isBetaFeatureKey(key))
    throw AppError.badInput(`Unknown beta feature "${key}"`, [
      { field: 'key', message: 'is not a beta feature' },
    ]);
  const prisma = getPrisma();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { betaFeatures: true },
  });
  const toggles = { ...(user.betaFeatures as Record<string, boolean>), [key]: enabled };
  await prisma.user.update({ where: { id: userId }, data: { betaFeatures: toggles } });
  return enabledBetaFeatures(toggles);
}

/** A user's alert settings apply to runs in their personal projects. */
export type AlertPreferences = AlertSettings;
export const alertPreferencesOf = alertSettingsOf;

export async function updateAlertPreferences(
  actor: Actor,
  input: AlertSettingsInput,
): Promise<AlertPreferences> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  const prefs = parseInput(alertSettingsSchema, input);
  const current = await getPrisma().user.findUniqueOrThrow({ where: { id: userId } });
  const user = await getPrisma().user.update({
    where: { id: userId },
    data: alertSettingsColumns(prefs, current),
  });
  return alertPreferencesOf(user);
}
