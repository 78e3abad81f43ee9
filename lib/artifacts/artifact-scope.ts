import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan, can, type Permission, type TeamAccess } from '../permissions/catalog';
import { resolveProjectScope } from '../runs/project-access';

export interface ProjectTarget {
  entity: string;
  project: string;
}

export interface ArtifactScope {
  entity: { id: string; name: string };
  project: { id: string; name: string; visibility: 'PRIVATE' | 'TEAM' | 'PUBLIC' | 'OPEN' };
  access: TeamAccess;
}

type ArtifactPermission = Extract<Permission, `artifact:${string}` | `registry:${string}`>;

/**
 * The project behind an artifacts URL, for an actor who may at least view its artifacts.
 * Projects the actor cannot see are "not found", exactly like missing ones.
 */
export async function loadArtifactScope(
  actor: Actor,
  target: ProjectTarget,
): Promise<ArtifactScope> {
  const { entity, access, project } = await resolveProjectScope(
    actor,
    target.entity,
    target.project,
  );
  if (!project || !can(actor, 'artifact:view', { access, visibility: project.visibility })) {
    if (actor.kind === 'anonymous') throw AppError.unauthenticated();
    throw AppError.notFound(`Project "${target.project}"`);
  }
  return { entity: { id: entity.id, name: entity.name }, project, access };
}

/** What an actor may download in one project: every artifact, or registered models only. */
export interface DownloadRights {
  /** `artifact:download`: any version's bytes. */
  artifacts: boolean;
  /** `registry:download`: the bytes of versions linked in the model registry. */
  registeredModels: boolean;
}

export function downloadRightsIn(actor: Actor, scope: ArtifactScope): DownloadRights {
  return {
    artifacts: canOnArtifacts(actor, 'artifact:download', scope),
    registeredModels: canOnArtifacts(actor, 'registry:download', scope),
  };
}

/**
 * The one decision on downloading a version's bytes, for the REST routes, GraphQL download
 * URLs and the pages alike: `artifact:download`, or `registry:download` when the version is
 * linked in the model registry — the seed lets view-only members download models, though not
 * other artifacts.
 */
export async function mayDownloadVersion(
  rights: DownloadRights,
  versionId: string,
): Promise<boolean> {
  if (rights.artifacts) return true;
  if (!rights.registeredModels) return false;
  const linked = await getPrisma().registeredModelVersion.findFirst({
    where: { artifactVersionId: versionId },
    select: { id: true },
  });
  return !!linked;
}

/**
 * The same decision for a version already known to be linked in the model registry (a
 * registered model's page lists only such versions): no query per version.
 */
export const mayDownloadLinkedVersion = (rights: DownloadRights): boolean =>
  rights.artifacts || rights.registeredModels;

export async function assertCanDownloadVersion(
  actor: Actor,
  scope: ArtifactScope,
  versionId: string,
): Promise<void> {
  if (await mayDownloadVersion(downloadRightsIn(actor, scope), versionId)) return;
  assertCanOnArtifacts(actor, 'artifact:download', scope);
}

export function assertCanOnArtifacts(
  actor: Actor,
  permission: ArtifactPermission,
  scope: ArtifactScope,
): void {
  assertCan(actor, permission, { access: scope.access, visibility: scope.project.visibility });
}

export function canOnArtifacts(
  actor: Actor,
  permission: ArtifactPermission,
  scope: ArtifactScope,
): boolean {
  return can(actor, permission, { access: scope.access, visibility: scope.project.visibility });
}

/** A run of the scope's project, by its id (for lineage). */
export async function findRunInProject(scope: ArtifactScope, runId: string) {
  const run = await getPrisma().run.findUnique({
    where: { projectId_runId: { projectId: scope.project.id, runId } },
    select: { id: true, runId: true },
  });
  if (!run) {
    throw new AppError('NOT_FOUND', `Run "${runId}" not found in project "${scope.project.name}"`, {
      fields: [{ field: 'run', message: 'no such run in this project' }],
    });
  }
  return run;
}

export async function findArtifact(scope: ArtifactScope, name: string) {
  const artifact = await getPrisma().artifact.findUnique({
    where: { projectId_name: { projectId: scope.project.id, name } },
  });
  if (!artifact) throw AppError.notFound(`Artifact "${name}"`);
  return artifact;
}

/** `latest`, `vN` or a custom alias → that version of the artifact. */
export async function resolveVersion(artifact: { id: string; name: string }, ref: string) {
  const prisma = getPrisma();
  const numbered = /^v(\d+)$/.exec(ref);
  const version = numbered
    ? await prisma.artifactVersion.findUnique({
        where: { artifactId_version: { artifactId: artifact.id, version: Number(numbered[1]) } },
      })
    : (
        await prisma.artifactAlias.findUnique({
          where: { artifactId_alias: { artifactId: artifact.id, alias: ref } },
          include: { version: true },
        })
      )?.version;
  if (!version) throw AppError.notFound(`Version "${artifact.name}:${ref}"`);
  return version;
}
