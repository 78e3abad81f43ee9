import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { accessToEntity, defaultVisibility, resolveEntity } from '../runs/project-access';
import { parseInput } from '../validation';
import { assertVisibilityAllowed } from './forced-privacy';
import { createProjectSchema } from './schemas';

/**
 * Creates an empty project (`project:create`: whoever may log runs to the entity, since
 * logging creates projects too). Without a visibility it gets the entity's default.
 */
export async function createProject(
  actor: Actor,
  entityName: string,
  input: { name: string; description?: string | null; visibility?: string | null },
) {
  const data = parseInput(createProjectSchema, {
    ...input,
    description: input.description ?? undefined,
  });
  const entity = await resolveEntity(entityName);
  const access = await accessToEntity(actor, entity);
  assertCan(actor, 'project:create', { access });
  const visibility = data.visibility ?? defaultVisibility(entity);
  assertVisibilityAllowed(entity, visibility);
  try {
    const project = await getPrisma().project.create({
      data: {
        entityId: entity.id,
        name: data.name,
        description: data.description,
        visibility,
        createdById: actor.kind === 'user' ? actor.userId : null,
      },
    });
    return { ...project, runCount: 0, entityName: entity.name };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', `${entity.name} already has a project named ${data.name}`, {
        fields: [{ field: 'name', message: 'is taken in this entity' }],
      });
    }
    throw error;
  }
}
