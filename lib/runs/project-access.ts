import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import type { ProjectVisibility, TeamAccess } from '../permissions/catalog';
import { loadTeamAccess } from '../teams/team-access';

export interface EntityScope {
  id: string;
  name: string;
  kind: 'USER' | 'TEAM';
  team: { id: string; forcePrivateProjects: boolean; codeSavingDefault: boolean } | null;
  ownerUserId: string | null;
}

/** The user or team behind a URL's first segment. */
export async function resolveEntity(name: string): Promise<EntityScope> {
  const entity = await getPrisma().entity.findUnique({
    where: { name },
    include: { team: true, user: { select: { id: true } } },
  });
  if (!entity) throw AppError.notFound(`Entity "${name}"`);
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    team: entity.team
      ? {
          id: entity.team.id,
          forcePrivateProjects: entity.team.forcePrivateProjects,
          codeSavingDefault: entity.team.codeSavingDefault,
        }
      : null,
    ownerUserId: entity.user?.id ?? null,
  };
}

/**
 * The actor's access to an entity's projects: a team's role table, or — for a personal
 * entity — its owner acting as its admin and everyone else as an outsider.
 */
export async function accessToEntity(actor: Actor, entity: EntityScope): Promise<TeamAccess> {
  if (entity.team) return loadTeamAccess(actor, entity.team.id);
  const isOwner = actor.kind === 'user' && actor.userId === entity.ownerUserId;
  // A personal scope id never equals a team id, so no service account matches it.
  return {
    teamId: `user:${entity.ownerUserId}`,
    role: isOwner ? 'ADMIN' : null,
    extraPermissions: [],
    isRegistryAdmin: false,
  };
}

/** The visibility a new project gets: teams share by default, unless they force privacy. */
export function defaultVisibility(entity: EntityScope): ProjectVisibility {
  if (!entity.team) return 'PRIVATE';
  return entity.team.forcePrivateProjects ? 'PRIVATE' : 'TEAM';
}
