import { AppError } from '../errors';
import type { ProjectVisibility } from '../permissions/catalog';
import type { EntityScope } from '../runs/project-access';

/**
 * A team's "force projects private" setting, applied when a project is created or its
 * visibility changes (issue 5 point 5): anything but PRIVATE is refused, naming the field.
 */
export function assertVisibilityAllowed(entity: EntityScope, visibility: ProjectVisibility) {
  if (visibility !== 'PRIVATE' && entity.team?.forcePrivateProjects) {
    throw AppError.badInput(`${entity.name} keeps all its projects private`, [
      { field: 'visibility', message: 'must be PRIVATE: the team forces projects to be private' },
    ]);
  }
}
