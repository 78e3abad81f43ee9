import { Prisma } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { requireUser } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { deleteEntityHistory } from '../runs/delete-entity-history';
import { getSystemSettings } from '../system/settings';
import { parseInput } from '../validation';
import { createTeamSchema } from './schemas';

export interface CreateTeamInput {
  name: string;
  type: 'WORK' | 'ACADEMIC';
  organizationId?: string;
  newOrganizationName?: string;
}

/** Organizations the actor administers (where they may create teams). */
export async function listAdministeredOrganizations(actor: Actor) {
  const { userId } = requireUser(actor);
  return getPrisma().organization.findMany({
    where: { admins: { some: { userId } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, type: true },
  });
}

/**
 * Creates a team in an organization the actor administers, or in a new organization whose
 * admin they become (if this instance lets them). The creator is the team's first admin.
 */
export async function createTeam(actor: Actor, input: CreateTeamInput) {
  const user = requireUser(actor);
  if (user.via !== 'session') throw AppError.forbidden('Create teams from a browser session');
  const { name, type, organizationId, newOrganizationName } = parseInput(createTeamSchema, input);
  const prisma = getPrisma();

  if (organizationId) {
    if (!(await prisma.organization.findUnique({ where: { id: organizationId } }))) {
      throw AppError.badInput('Unknown organization', [
        { field: 'organizationId', message: 'does not exist' },
      ]);
    }
    const admin = await prisma.organizationAdmin.findUnique({
      where: { organizationId_userId: { organizationId, userId: user.userId } },
    });
    assertCan(actor, 'team:create', { isOrganizationAdmin: !!admin });
  } else if ((await getSystemSettings()).organizationCreation === 'admins' && !user.isSystemAdmin) {
    throw AppError.forbidden(
      'On this instance only system admins create organizations. Ask one to add you to an organization.',
    );
  }

  try {
    return await prisma.$transaction(async (tx) => {
      const organization = organizationId
        ? await tx.organization.findUniqueOrThrow({ where: { id: organizationId } })
        : await tx.organization.create({
            data: { name: newOrganizationName!, type, admins: { create: { userId: user.userId } } },
          });
      const entity = await tx.entity.create({ data: { name, kind: 'TEAM' } });
      return tx.team.create({
        data: {
          entityId: entity.id,
          name,
          type,
          organizationId: organization.id,
          memberships: { create: { userId: user.userId, role: 'ADMIN' } },
        },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const onOrganization =
        JSON.stringify(error.meta ?? {}).includes('Organization') && !!newOrganizationName;
      throw new AppError(
        'CONFLICT',
        onOrganization
          ? 'An organization with this name exists'
          : 'This name is taken by a user or team',
        {
          fields: [{ field: onOrganization ? 'newOrganizationName' : 'name', message: 'is taken' }],
        },
      );
    }
    throw error;
  }
}

/** System admins delete any team; its runs and projects go with it. */
export async function deleteTeam(actor: Actor, teamName: string): Promise<void> {
  assertCan(actor, 'team:delete', {});
  const prisma = getPrisma();
  const team = await prisma.team.findUnique({ where: { name: teamName } });
  if (!team) throw AppError.notFound('Team');
  await deleteEntityHistory(team.entityId);
  await prisma.$transaction([
    prisma.team.delete({ where: { id: team.id } }),
    prisma.entity.delete({ where: { id: team.entityId } }),
  ]);
}
