import type { Actor } from '../auth/actor';
import { can, type ProjectVisibility, type TeamAccess } from '../permissions/catalog';

/** What the viewer may do with a project's settings (for pages; services assert the same). */
export function projectPermissions(
  actor: Actor,
  project: { access: TeamAccess; visibility: ProjectVisibility; createdById: string | null },
) {
  const resource = {
    access: project.access,
    visibility: project.visibility,
    createdById: project.createdById,
  };
  return {
    canManage: can(actor, 'project:manage', resource),
    canDelete: can(actor, 'project:delete', resource),
  };
}

/** Whether the viewer may create projects in an entity. */
export function canCreateProject(actor: Actor, access: TeamAccess): boolean {
  return can(actor, 'project:create', { access });
}
