import { z } from 'zod';
import { customAlias, versionRef } from '../artifacts/schemas';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import {
  assertCanOnRegistry,
  findRegisteredModel,
  loadRegistryScope,
  resolveModelVersion,
  type RegistryScope,
} from './registry-scope';

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>['$transaction']>[0]>[0];

/**
 * Points a registered model's alias at one of its versions. Members add aliases; protected
 * ones (`production`) — moving, removing, protecting or unprotecting — are the registry
 * admins' alone, team admins included (the seed's model registry table).
 */
export async function applyModelAlias(
  tx: Tx,
  actor: Actor,
  scope: RegistryScope,
  modelId: string,
  alias: string,
  versionId: string,
  protect?: boolean,
): Promise<void> {
  assertCanOnRegistry(actor, 'registry:add-aliases', scope);
  const existing = await tx.registeredModelAlias.findUnique({
    where: { modelId_alias: { modelId, alias } },
  });
  const protectedNow = existing?.protected ?? false;
  const protectedAfter = protect ?? protectedNow;
  if ((protectedNow && existing?.versionId !== versionId) || protectedAfter !== protectedNow) {
    assertProtectedAdmin(actor, scope, alias);
  }
  await tx.registeredModelAlias.upsert({
    where: { modelId_alias: { modelId, alias } },
    create: { modelId, alias, versionId, protected: protectedAfter },
    update: { versionId, protected: protectedAfter },
  });
}

function assertProtectedAdmin(actor: Actor, scope: RegistryScope, alias: string) {
  try {
    assertCanOnRegistry(actor, 'registry:manage-protected-aliases', scope);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      throw AppError.forbidden(
        `"${alias}" is a protected alias: only registry admins may change it`,
      );
    }
    throw error;
  }
}

const setSchema = z.object({
  entity: z.string().min(1),
  model: z.string().min(1),
  alias: customAlias,
  version: versionRef,
  protected: z.boolean().optional(),
});

export async function setModelAlias(actor: Actor, raw: unknown): Promise<{ modelId: string }> {
  const input = parseInput(setSchema, raw);
  const scope = await loadRegistryScope(actor, input.entity);
  const model = await findRegisteredModel(scope, input.model);
  const version = await resolveModelVersion(model, input.version);
  await getPrisma().$transaction((tx) =>
    applyModelAlias(tx, actor, scope, model.id, input.alias, version.id, input.protected),
  );
  return { modelId: model.id };
}

export async function removeModelAlias(
  actor: Actor,
  raw: { entity: string; model: string; alias: string },
): Promise<boolean> {
  const scope = await loadRegistryScope(actor, raw.entity);
  assertCanOnRegistry(actor, 'registry:add-aliases', scope);
  const model = await findRegisteredModel(scope, raw.model);
  const existing = await getPrisma().registeredModelAlias.findUnique({
    where: { modelId_alias: { modelId: model.id, alias: raw.alias } },
  });
  if (!existing || existing.alias === 'latest') {
    throw AppError.notFound(`Alias "${raw.model}:${raw.alias}"`);
  }
  if (existing.protected) assertProtectedAdmin(actor, scope, raw.alias);
  await getPrisma().registeredModelAlias.delete({ where: { id: existing.id } });
  return true;
}
