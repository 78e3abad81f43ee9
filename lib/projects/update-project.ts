import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { assertCan } from '../permissions/catalog';
import { resolveEntity } from '../runs/project-access';
import { getProject } from '../runs/read-runs';
import { parseInput } from '../validation';
import { assertVisibilityAllowed } from './forced-privacy';
import { updateProjectSchema } from './schemas';

/**
 * Changes a project's description and visibility (`project:manage`: admins, and members
 * for projects they created). A team that forces privacy refuses any other visibility.
 */
export async function updateProject(
  actor: Actor,
  target: { entity: string; project: string },
  input: { description?: string | null; visibility?: string | null },
) {
  const data = parseInput(updateProjectSchema, input);
  const project = await getProject(actor, target.entity, target.project);
  assertCan(actor, 'project:manage', {
    access: project.access,
    visibility: project.visibility,
    createdById: project.createdById,
  });
  if (data.visibility && data.visibility !== project.visibility) {
    assertVisibilityAllowed(await resolveEntity(target.entity), data.visibility);
  }
  const updated = await getPrisma().project.update({
    where: { id: project.id },
    data: {
      ...(data.description != null && { description: data.description }),
      ...(data.visibility != null && { visibility: data.visibility }),
    },
  });
  return { ...updated, runCount: project.runCount, entityName: project.entityName };
}
