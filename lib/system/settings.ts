import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';

/** Instance-wide settings that system admins change on /admin. */
export const systemSettingsSchema = z.object({
  /** Who may create a new organization (and with it their first team). */
  organizationCreation: z.enum(['anyone', 'admins'], { error: 'must be anyone or admins' }),
  /** Storage each user or team gets before a paid plan, in GB (the seed's default plan: 100 GB). */
  defaultStorageLimitGb: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1_000_000),
});

export type SystemSettings = z.infer<typeof systemSettingsSchema>;

export const defaultSystemSettings: SystemSettings = {
  organizationCreation: 'anyone',
  defaultStorageLimitGb: 100,
};

export async function getSystemSettings(): Promise<SystemSettings> {
  const rows = await getPrisma().systemSetting.findMany();
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = systemSettingsSchema.partial().safeParse(stored);
  return { ...defaultSystemSettings, ...(parsed.success ? parsed.data : {}) };
}

/** The settings as system admins see them on /admin. */
export async function readSystemSettings(actor: Actor): Promise<SystemSettings> {
  assertCan(actor, 'system:manage', {});
  return getSystemSettings();
}

export async function updateSystemSettings(
  actor: Actor,
  input: SystemSettings,
): Promise<SystemSettings> {
  assertCan(actor, 'system:manage', {});
  const settings = parseInput(systemSettingsSchema, input);
  const prisma = getPrisma();
  await prisma.$transaction(
    Object.entries(settings).map(([key, value]) =>
      prisma.systemSetting.upsert({ where: { key }, create: { key, value }, update: { value } }),
    ),
  );
  return settings;
}
