import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { artifactName } from '../artifacts/schemas';
import { parseInput } from '../validation';
import {
  assertCanOnRegistry,
  canOnRegistry,
  findRegisteredModel,
  loadRegistryScope,
} from './registry-scope';

export interface RegisteredModelNode {
  id: string;
  entity: string;
  name: string;
  description: string;
  createdAt: Date;
  /** The viewer may link versions and edit (unprotected) aliases. */
  canEdit: boolean;
  canManageProtectedAliases: boolean;
}

const createSchema = z.object({
  entity: z.string().min(1),
  name: artifactName,
  description: z.string({ error: 'must be a string' }).max(10_000).optional(),
});

/** Registers a new model (`registry:add-models`: members, registry admins, team admins). */
export async function createRegisteredModel(
  actor: Actor,
  raw: unknown,
): Promise<RegisteredModelNode> {
  const input = parseInput(createSchema, raw);
  const scope = await loadRegistryScope(actor, input.entity);
  assertCanOnRegistry(actor, 'registry:add-models', scope);
  const existing = await getPrisma().registeredModel.findUnique({
    where: { entityId_name: { entityId: scope.entity.id, name: input.name } },
  });
  if (existing) {
    throw new AppError('CONFLICT', `"${input.name}" is already in the registry`, {
      fields: [{ field: 'name', message: 'is taken' }],
    });
  }
  await getPrisma().registeredModel.create({
    data: { entityId: scope.entity.id, name: input.name, description: input.description ?? '' },
  });
  return getRegisteredModel(actor, input.entity, input.name);
}

export async function listRegisteredModels(
  actor: Actor,
  entity: string,
): Promise<RegisteredModelNode[]> {
  const scope = await loadRegistryScope(actor, entity);
  const models = await getPrisma().registeredModel.findMany({
    where: { entityId: scope.entity.id },
    orderBy: { name: 'asc' },
  });
  return models.map((m) => ({
    ...m,
    entity: scope.entity.name,
    canEdit: canOnRegistry(actor, 'registry:add-aliases', scope),
    canManageProtectedAliases: canOnRegistry(actor, 'registry:manage-protected-aliases', scope),
  }));
}

export async function getRegisteredModel(
  actor: Actor,
  entity: string,
  name: string,
): Promise<RegisteredModelNode> {
  const scope = await loadRegistryScope(actor, entity);
  const model = await findRegisteredModel(scope, name);
  return {
    ...model,
    entity: scope.entity.name,
    canEdit: canOnRegistry(actor, 'registry:add-aliases', scope),
    canManageProtectedAliases: canOnRegistry(actor, 'registry:manage-protected-aliases', scope),
  };
}
