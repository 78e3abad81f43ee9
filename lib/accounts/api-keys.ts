import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { generateToken, hashToken } from '../auth/tokens';
import { getPool, getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseField } from '../validation';
import { apiKeyNameSchema } from './schemas';

/** Recognisable in logs and by secret scanners. */
export const apiKeyPrefix = 'sxt_';
const shownPrefixLength = apiKeyPrefix.length + 8;

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const view = (key: ApiKeyView): ApiKeyView => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt,
});

/** Creates a key; the secret is returned this once and only its hash is stored. */
export async function createApiKey(
  actor: Actor,
  name: string,
): Promise<{ apiKey: ApiKeyView; secret: string }> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  const parsedName = parseField(apiKeyNameSchema, 'name', name);
  const secret = `${apiKeyPrefix}${generateToken(30)}`;
  const apiKey = await getPrisma().apiKey.create({
    data: {
      userId,
      name: parsedName,
      prefix: secret.slice(0, shownPrefixLength),
      keyHash: hashToken(secret),
    },
  });
  return { apiKey: view(apiKey), secret };
}

export async function listApiKeys(actor: Actor): Promise<ApiKeyView[]> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:read', { userId });
  const keys = await getPrisma().apiKey.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
  });
  return keys.map(view);
}

export async function revokeApiKey(actor: Actor, apiKeyId: string): Promise<void> {
  const { userId } = requireUser(actor);
  assertCan(actor, 'account:secure', { userId });
  const revoked = await getPrisma().apiKey.updateMany({
    where: { id: apiKeyId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw AppError.notFound('API key');
}

/**
 * The actor a presented secret stands for: its user, or its team's service account; null
 * when the key is unknown or revoked. One statement joins key, user and service account,
 * because every SDK request starts here (the ingest hot path).
 */
export async function findApiKeyActor(secret: string): Promise<Actor | null> {
  if (!secret.startsWith(apiKeyPrefix)) return null;
  const { rows } = await getPool().query<ApiKeyActorRow>(
    `SELECT k.id, (k."lastUsedAt" IS NULL OR k."lastUsedAt" < now() - interval '1 minute') AS "usedLongAgo", u.id AS "userId", u.username, u."isSystemAdmin",
            s.id AS "serviceAccountId", s."teamId", s.name AS "serviceAccountName"
     FROM "ApiKey" k
     LEFT JOIN "User" u ON u.id = k."userId"
     LEFT JOIN "ServiceAccount" s ON s.id = k."serviceAccountId"
     WHERE k."keyHash" = $1 AND k."revokedAt" IS NULL`,
    [hashToken(secret)],
  );
  const key = rows[0];
  if (!key) return null;
  // lastUsedAt is advisory; writing it at most once a minute keeps the hot path read-only.
  if (key.usedLongAgo) {
    await getPool().query(`UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE id = $1`, [key.id]);
  }
  if (key.userId) {
    return {
      kind: 'user',
      userId: key.userId,
      username: key.username!,
      isSystemAdmin: key.isSystemAdmin!,
      via: 'api-key',
      apiKeyId: key.id,
    };
  }
  if (key.serviceAccountId) {
    return {
      kind: 'service-account',
      serviceAccountId: key.serviceAccountId,
      teamId: key.teamId!,
      name: key.serviceAccountName!,
      apiKeyId: key.id,
    };
  }
  return null;
}

interface ApiKeyActorRow {
  id: string;
  usedLongAgo: boolean;
  userId: string | null;
  username: string | null;
  isSystemAdmin: boolean | null;
  serviceAccountId: string | null;
  teamId: string | null;
  serviceAccountName: string | null;
}
