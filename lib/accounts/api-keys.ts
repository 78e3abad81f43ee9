import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { generateToken, hashToken } from '../auth/tokens';
import { getPrisma } from '../db/prisma';
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

/** lastUsedAt is advisory; writing it at most once a minute keeps hot paths cheap. */
const lastUsedResolutionMs = 60_000;

export type ApiKeyOwner =
  | { kind: 'user'; userId: string; apiKeyId: string }
  | { kind: 'service-account'; serviceAccountId: string; apiKeyId: string };

/** The live key's owner (a person or a team's service account) for a presented secret, or null. */
export async function findApiKeyOwner(secret: string): Promise<ApiKeyOwner | null> {
  if (!secret.startsWith(apiKeyPrefix)) return null;
  const prisma = getPrisma();
  const key = await prisma.apiKey.findUnique({ where: { keyHash: hashToken(secret) } });
  if (!key || key.revokedAt) return null;
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  if (key.userId) return { kind: 'user', userId: key.userId, apiKeyId: key.id };
  if (key.serviceAccountId)
    return { kind: 'service-account', serviceAccountId: key.serviceAccountId, apiKeyId: key.id };
  return null;
}
