import type { Actor } from '../auth/actor';
import { getPool } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, type ProjectVisibility, type TeamAccess } from '../permissions/catalog';
import { loadTeamAccess } from '../teams/team-access';

export interface EntityScope {
  id: string;
  name: string;
  kind: 'USER' | 'TEAM';
  team: { id: string; forcePrivateProjects: boolean; codeSavingDefault: boolean } | null;
  ownerUserId: string | null;
}

interface ScopeRow {
  id: string;
  name: string;
  kind: 'USER' | 'TEAM';
  teamId: string | null;
  forcePrivateProjects: boolean | null;
  codeSavingDefault: boolean | null;
  ownerUserId: string | null;
  projectId: string | null;
  projectName: string | null;
  visibility: ProjectVisibility | null;
}

/**
 * The entity (with its team or owner) and, when named, one of its projects, in one statement:
 * this runs on every ingest batch, where three ORM round trips cost more than the lookup.
 */
async function loadScope(entityName: string, projectName: string | null): Promise<ScopeRow> {
  const { rows } = await getPool().query<ScopeRow>(
    `SELECT e.id, e.name, e.kind::text AS kind, t.id AS "teamId", t."forcePrivateProjects",
            t."codeSavingDefault", u.id AS "ownerUserId",
            p.id AS "projectId", p.name AS "projectName", p.visibility::text AS visibility
     FROM "Entity" e
     LEFT JOIN "Team" t ON t."entityId" = e.id
     LEFT JOIN "User" u ON u."entityId" = e.id
     LEFT JOIN "Project" p ON p."entityId" = e.id AND p.name = $2
     WHERE e.name = $1`,
    [entityName, projectName],
  );
  if (!rows[0]) throw AppError.notFound(`Entity "${entityName}"`);
  return rows[0];
}

function entityScopeOf(row: ScopeRow): EntityScope {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    team: row.teamId
      ? {
          id: row.teamId,
          forcePrivateProjects: row.forcePrivateProjects ?? false,
          codeSavingDefault: row.codeSavingDefault ?? false,
        }
      : null,
    ownerUserId: row.ownerUserId,
  };
}

/** The user or team behind a URL's first segment. */
export async function resolveEntity(name: string): Promise<EntityScope> {
  return entityScopeOf(await loadScope(name, null));
}

export interface ProjectScope {
  entity: EntityScope;
  access: TeamAccess;
  /** Null when the entity has no project of that name. */
  project: { id: string; name: string; visibility: ProjectVisibility } | null;
}

/** An entity, the actor's access to it and one of its projects (for run URLs). */
export async function resolveProjectScope(
  actor: Actor,
  entityName: string,
  projectName: string,
): Promise<ProjectScope> {
  const row = await loadScope(entityName, projectName);
  const entity = entityScopeOf(row);
  return {
    entity,
    access: await accessToEntity(actor, entity),
    project: row.projectId
      ? { id: row.projectId, name: row.projectName!, visibility: row.visibility! }
      : null,
  };
}

/** A project the actor may log runs to (log experiments); 404 when it does not exist. */
export async function loggableProject(
  actor: Actor,
  target: { entity: string; project: string },
): Promise<NonNullable<ProjectScope['project']>> {
  const { access, project } = await resolveProjectScope(actor, target.entity, target.project);
  if (!project) throw AppError.notFound(`Project "${target.project}"`);
  assertCan(actor, 'run:log', { access, visibility: project.visibility });
  return project;
}

/**
 * The actor's access to an entity's projects: a team's role table, or — for a personal
 * entity — its owner acting as its admin and everyone else as an outsider. The owner is
 * also the personal registry's admin: nobody else could ever manage its protected aliases.
 */
export async function accessToEntity(actor: Actor, entity: EntityScope): Promise<TeamAccess> {
  if (entity.team) return loadTeamAccess(actor, entity.team.id);
  const isOwner = actor.kind === 'user' && actor.userId === entity.ownerUserId;
  // A personal scope id never equals a team id, so no service account matches it.
  return {
    teamId: `user:${entity.ownerUserId}`,
    role: isOwner ? 'ADMIN' : null,
    extraPermissions: [],
    isRegistryAdmin: isOwner,
  };
}

/** The visibility a new project gets: teams share by default, unless they force privacy. */
export function defaultVisibility(entity: EntityScope): ProjectVisibility {
  if (!entity.team) return 'PRIVATE';
  return entity.team.forcePrivateProjects ? 'PRIVATE' : 'TEAM';
}
