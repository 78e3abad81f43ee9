import type { Actor } from '../auth/actor';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { accessToEntity, resolveEntity } from '../runs/project-access';
import { getStorageUsage, type StorageUsage } from './usage';

/**
 * An entity's storage as its settings pages show it: a person sees their own, a team's
 * admins see the team's (the team settings' Usage section).
 */
export async function readStorageUsage(
  actor: Actor,
  entityName: string,
): Promise<StorageUsage & { entity: string }> {
  const entity = await resolveEntity(entityName);
  if (entity.team) {
    assertCan(actor, 'team:view-settings', { access: await accessToEntity(actor, entity) });
  } else {
    if (!entity.ownerUserId) throw AppError.notFound(`Entity "${entityName}"`);
    assertCan(actor, 'account:read', { userId: entity.ownerUserId });
  }
  return { entity: entity.name, ...(await getStorageUsage(entity.id)) };
}
