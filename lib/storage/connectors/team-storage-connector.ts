import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import { getPrisma } from '../../db/prisma';
import { getEnv } from '../../env';
import { AppError } from '../../errors';
import { getLogger } from '../../logger';
import { assertCan } from '../../permissions/catalog';
import { teamWithAccess } from '../../teams/team-access';
import { parseInput } from '../../validation';
import { probeConnector } from './connector-probe';
import { encryptCredentials } from './credentials-cipher';
import { resolvedEndpointProblem } from './endpoint-rules';

/**
 * A team's own S3-compatible bucket for its blobs (seed: "Secure storage connector";
 * docs/decisions/011-team-storage-connector.md). Team admins only, through
 * `team:manage-settings`: the settings hold credentials, so even viewing is an admin's.
 * The secret never leaves the server: views show the last four characters of the key id.
 */

export interface StorageConnectorView {
  endpoint: string;
  bucket: string;
  region: string;
  forcePathStyle: boolean;
  prefix: string;
  /** `•••• WXYZ`: the last four characters of the access key id. */
  accessKeyHint: string;
  createdAt: Date;
  createdBy: string | null;
}

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const storageConnectorSchema = z.object({
  endpoint: text(500).min(1, 'is required'),
  bucket: text(63)
    .min(3, 'must be 3 to 63 characters')
    .regex(
      /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
      'may hold only lowercase letters, digits, dots and hyphens',
    ),
  region: text(64)
    .min(1, 'is required')
    .regex(/^[a-z0-9-]+$/, 'may hold only lowercase letters, digits and hyphens'),
  forcePathStyle: z.boolean().default(false),
  prefix: text(200)
    .regex(/^[A-Za-z0-9!_.*'()/-]*$/, "may hold only letters, digits and ! _ . * ' ( ) / -")
    .refine((v) => !v.startsWith('/'), 'must not start with /')
    .transform((v) => (v && !v.endsWith('/') ? `${v}/` : v))
    .default(''),
  accessKeyId: text(256).min(1, 'is required'),
  secretAccessKey: z.string().min(1, 'is required').max(512, 'must be at most 512 characters'),
});

export type StorageConnectorInput = z.input<typeof storageConnectorSchema>;

async function adminTeam(actor: Actor, teamName: string) {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  return team;
}

function viewOf(
  row: {
    endpoint: string;
    bucket: string;
    region: string;
    forcePathStyle: boolean;
    prefix: string;
    accessKeyHint: string;
    createdAt: Date;
    createdById: string | null;
  },
  createdBy: string | null,
): StorageConnectorView {
  return {
    endpoint: row.endpoint,
    bucket: row.bucket,
    region: row.region,
    forcePathStyle: row.forcePathStyle,
    prefix: row.prefix,
    accessKeyHint: `•••• ${row.accessKeyHint}`,
    createdAt: row.createdAt,
    createdBy,
  };
}

async function activeView(entityId: string): Promise<StorageConnectorView | null> {
  const prisma = getPrisma();
  const row = await prisma.storageConnector.findFirst({ where: { entityId, disabledAt: null } });
  if (!row) return null;
  const user = row.createdById
    ? await prisma.user.findUnique({ where: { id: row.createdById }, select: { username: true } })
    : null;
  return viewOf(row, user?.username ?? null);
}

/** The team's active connector, or null when its blobs go to the instance store. */
export async function getTeamStorageConnector(
  actor: Actor,
  teamName: string,
): Promise<StorageConnectorView | null> {
  const team = await adminTeam(actor, teamName);
  return activeView(team.entityId);
}

/**
 * Checks the endpoint, tests the bucket with a probe object, and only then stores the
 * connector (credentials encrypted) as the team's active one; a connector saved before is
 * disabled in the same transaction but keeps serving the blobs it stored. Any failure stores
 * nothing and names the input to fix.
 */
export async function saveTeamStorageConnector(
  actor: Actor,
  teamName: string,
  raw: unknown,
): Promise<StorageConnectorView> {
  const team = await adminTeam(actor, teamName);
  const input = parseInput(storageConnectorSchema, raw);
  const endpointProblem = await resolvedEndpointProblem(
    input.endpoint,
    getEnv().SEXTANT_ALLOW_PRIVATE_STORAGE_ENDPOINTS,
  );
  if (endpointProblem) {
    throw AppError.badInput(`Endpoint ${endpointProblem}`, [
      { field: 'endpoint', message: endpointProblem },
    ]);
  }
  const endpoint = input.endpoint.replace(/\/+$/, '');
  const credentials = { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey };
  const target = {
    endpoint,
    bucket: input.bucket,
    region: input.region,
    forcePathStyle: input.forcePathStyle,
    prefix: input.prefix,
  };
  const problem = await probeConnector(target, credentials);
  if (problem) {
    throw AppError.badInput(
      `The bucket did not pass the test, nothing was saved: ${fieldLabel[problem.field] ?? problem.field} ${problem.message}`,
      [problem],
    );
  }
  const sealed = encryptCredentials(credentials);
  await getPrisma().$transaction(async (tx) => {
    // One save per team at a time: two admins saving at once would both disable the old
    // connector and then collide on "one active connector per team" (a 500). Locked, the
    // second save simply replaces the first.
    await tx.$executeRaw`SELECT 1 FROM "Entity" WHERE "id" = ${team.entityId} FOR UPDATE`;
    await tx.storageConnector.updateMany({
      where: { entityId: team.entityId, disabledAt: null },
      data: { disabledAt: new Date() },
    });
    await tx.storageConnector.create({
      data: {
        entityId: team.entityId,
        ...target,
        accessKeyHint: input.accessKeyId.slice(-4),
        credentials: sealed,
        createdById: actor.kind === 'user' ? actor.userId : null,
      },
    });
  });
  getLogger().info({ team: team.name, bucket: input.bucket }, 'Team storage connector saved');
  return (await activeView(team.entityId))!;
}

/**
 * New uploads of the team go to the instance store again. The connector row stays, disabled,
 * so the blobs it stored remain readable (and the cleanup can still delete them there).
 */
export async function removeTeamStorageConnector(actor: Actor, teamName: string): Promise<void> {
  const team = await adminTeam(actor, teamName);
  const { count } = await getPrisma().storageConnector.updateMany({
    where: { entityId: team.entityId, disabledAt: null },
    data: { disabledAt: new Date() },
  });
  if (!count) throw AppError.notFound('Storage connector');
  getLogger().info({ team: team.name }, 'Team storage connector removed');
}

const fieldLabel: Record<string, string> = {
  endpoint: 'Endpoint',
  bucket: 'Bucket',
  region: 'Region',
  accessKeyId: 'Access key ID',
  secretAccessKey: 'Secret access key',
};
