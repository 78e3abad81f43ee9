import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { apiKeyPrefix } from '../accounts/api-keys';
import { generateToken, hashToken } from '../auth/tokens';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseField } from '../validation';
import { serviceAccountNameSchema } from './schemas';
import { teamWithAccess } from './team-access';

export interface ServiceAccountView {
  id: string;
  name: string;
  createdAt: Date;
  keyPrefix: string | null;
  lastUsedAt: Date | null;
}

/** Team admins create a robot member with its own API key (shown once). */
export async function createServiceAccount(actor: Actor, teamName: string, name: string) {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const parsedName = parseField(serviceAccountNameSchema, 'name', name);
  const secret = `${apiKeyPrefix}${generateToken(30)}`;
  try {
    const account = await getPrisma().serviceAccount.create({
      data: {
        teamId: team.id,
        name: parsedName,
        apiKeys: {
          create: {
            name: parsedName,
            prefix: secret.slice(0, apiKeyPrefix.length + 8),
            keyHash: hashToken(secret),
          },
        },
      },
    });
    return {
      serviceAccount: { id: account.id, name: account.name, createdAt: account.createdAt },
      secret,
    };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'A service account with this name exists', {
        fields: [{ field: 'name', message: 'is taken' }],
      });
    }
    throw error;
  }
}

export async function listServiceAccounts(
  actor: Actor,
  teamName: string,
): Promise<ServiceAccountView[]> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:view-settings', { access });
  const accounts = await getPrisma().serviceAccount.findMany({
    where: { teamId: team.id },
    include: { apiKeys: { where: { revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 1 } },
    orderBy: { createdAt: 'asc' },
  });
  return accounts.map((a) => ({
    id: a.id,
    name: a.name,
    createdAt: a.createdAt,
    keyPrefix: a.apiKeys[0]?.prefix ?? null,
    lastUsedAt: a.apiKeys[0]?.lastUsedAt ?? null,
  }));
}

/** Deleting a service account revokes its keys with it. */
export async function deleteServiceAccount(
  actor: Actor,
  teamName: string,
  serviceAccountId: string,
): Promise<void> {
  const { team, access } = await teamWithAccess(actor, teamName);
  assertCan(actor, 'team:manage-settings', { access });
  const deleted = await getPrisma().serviceAccount.deleteMany({
    where: { id: serviceAccountId, teamId: team.id },
  });
  if (deleted.count === 0) throw AppError.notFound('Service account');
}
