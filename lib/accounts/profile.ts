import sharp from 'sharp';
import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { enabledBetaFeatures, isBetaFeatureKey } from './feature-flags';
import { alertPreferencesSchema, profileSchema } from './schemas';

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

export const avatarLimits = {
  maxBytes: 5 * 1024 * 1024,
  size: 256,
  formats: ['jpeg', 'png', 'webp', 'gif'],
} as const;

/**
 * Checks the upload by decoding it (not by its name or declared type), then stores a
 * 256×256 WebP: small enough to keep in the database and serve with one query.
 */
export async function setAvatar(actor: Actor, bytes: Uint8Array): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  if (bytes.byteLength === 0)
    throw AppError.badInput('The image is empty', [{ field: 'image', message: 'is empty' }]);
  if (bytes.byteLength > avatarLimits.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The image is larger than 5 MB', {
      fields: [{ field: 'image', message: 'must be at most 5 MB' }],
    });
  }
  const format = await sharp(bytes)
    .metadata()
    .then((meta) => meta.format)
    .catch(() => undefined);
  if (!format || !(avatarLimits.formats as readonly string[]).includes(format)) {
    throw AppError.badInput('The file is not a JPEG, PNG, WebP or GIF image', [
      { field: 'image', message: 'must be a JPEG, PNG, WebP or GIF image' },
    ]);
  }
  const image = await sharp(bytes, { animated: false })
    .rotate()
    .resize(avatarLimits.size, avatarLimits.size, { fit: 'cover' })
    .webp({ quality: 85 })
    .toBuffer();
  await getPrisma().user.update({
    where: { id: userId },
    data: { image: new Uint8Array(image), imageUpdatedAt: new Date() },
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

/** An avatar is public, like a profile picture on any site. */
export async function getAvatar(
  username: string,
): Promise<{ image: Uint8Array; updatedAt: Date } | null> {
  const user = await getPrisma().user.findUnique({
    where: { username },
    select: { image: true, imageUpdatedAt: true },
  });
  if (!user?.image) return null;
  return { image: user.image, updatedAt: user.imageUpdatedAt ?? new Date(0) };
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

export interface AlertPreferences {
  runFinishedEmail: boolean;
  runFinishedSlack: boolean;
  runCrashedEmail: boolean;
  runCrashedSlack: boolean;
  slackWebhookUrl: string | null;
}

export function alertPreferencesOf(user: {
  alertRunFinishedEmail: boolean;
  alertRunFinishedSlack: boolean;
  alertRunCrashedEmail: boolean;
  alertRunCrashedSlack: boolean;
  slackWebhookUrl: string | null;
}): AlertPreferences {
  return {
    runFinishedEmail: user.alertRunFinishedEmail,
    runFinishedSlack: user.alertRunFinishedSlack,
    runCrashedEmail: user.alertRunCrashedEmail,
    runCrashedSlack: user.alertRunCrashedSlack,
    slackWebhookUrl: user.slackWebhookUrl,
  };
}

export async function updateAlertPreferences(
  actor: Actor,
  input: AlertPreferences,
): Promise<AlertPreferences> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:manage', { userId });
  const prefs = parseInput(alertPreferencesSchema, input);
  const slackWebhookUrl = prefs.slackWebhookUrl || null;
  if ((prefs.runFinishedSlack || prefs.runCrashedSlack) && !slackWebhookUrl) {
    throw AppError.badInput('Add a Slack webhook URL to get Slack alerts', [
      { field: 'slackWebhookUrl', message: 'is required for Slack alerts' },
    ]);
  }
  const user = await getPrisma().user.update({
    where: { id: userId },
    data: {
      alertRunFinishedEmail: prefs.runFinishedEmail,
      alertRunFinishedSlack: prefs.runFinishedSlack,
      alertRunCrashedEmail: prefs.runCrashedEmail,
      alertRunCrashedSlack: prefs.runCrashedSlack,
      slackWebhookUrl,
    },
  });
  return alertPreferencesOf(user);
}
