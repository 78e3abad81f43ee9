import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can, type TeamAccess } from '../permissions/catalog';
import { accessToEntity, resolveEntity } from '../runs/project-access';

export interface RegistryScope {
  entity: { id: string; name: string; kind: 'USER' | 'TEAM' };
  access: TeamAccess;
}

type RegistryPermission =
  | 'registry:view'
  | 'registry:download'
  | 'registry:add-aliases'
  | 'registry:add-models'
  | 'registry:manage-admins'
  | 'registry:manage-protected-aliases';

/**
 * A user's or team's model registry, for an actor who may view it (`registry:view`); for
 * anyone else it does not exist, like a missing entity.
 */
export async function loadRegistryScope(actor: Actor, entityName: string): Promise<RegistryScope> {
  const entity = await resolveEntity(entityName);
  const access = await accessToEntity(actor, entity);
  if (!can(actor, 'registry:view', { access })) {
    if (actor.kind === 'anonymous') throw AppError.unauthenticated();
    throw AppError.notFound(`Registry of "${entityName}"`);
  }
  return { entity: { id: entity.id, name: entity.name, kind: entity.kind }, access };
}

export function assertCanOnRegistry(
  actor: Actor,
  permission: RegistryPermission,
  scope: RegistryScope,
): void {
  assertCan(actor, permission, { access: scope.access });
}

export function canOnRegistry(
  actor: Actor,
  permission: RegistryPermission,
  scope: RegistryScope,
): boolean {
  return can(actor, permission, { access: scope.access });
}

export async function findRegisteredModel(scope: RegistryScope, name: string) {
  const model = await getPrisma().registeredModel.findUnique({
    where: { entityId_name: { entityId: scope.entity.id, name } },
  });
  if (!model) throw AppError.notFound(`Registered model "${name}"`);
  return model;
}

/** `latest`, `vN` or an alias → that version of the registered model. */
export async function resolveModelVersion(model: { id: string; name: string }, ref: string) {
  const prisma = getPrisma();
  const numbered = /^v(\d+)$/.exec(ref);
  const version = numbered
    ? await prisma.registeredModelVersion.findUnique({
        where: { modelId_version: { modelId: model.id, version: Number(numbered[1]) } },
      })
    : (
        await prisma.registeredModelAlias.findUnique({
          where: { modelId_alias: { modelId: model.id, alias: ref } },
          include: { version: true },
        })
      )?.version;
  if (!version) throw AppError.notFound(`Version "${model.name}:${ref}"`);
  return version;
}
