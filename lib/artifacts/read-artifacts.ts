import type { Artifact, ArtifactVersion, Run } from '@/generated/prisma/client';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import {
  canOnArtifacts,
  downloadRightsIn,
  findArtifact,
  loadArtifactScope,
  mayDownloadVersion,
  type ArtifactScope,
  type DownloadRights,
  type ProjectTarget,
} from './artifact-scope';
import { artifactFileUrl, type ManifestFileView } from './use-artifact';
import { versionLabel } from './versions';

/** An artifact as GraphQL and pages read it, with where it lives and what the viewer may do. */
export type ArtifactNode = Artifact & {
  target: ProjectTarget;
  /** Any version's bytes (`artifact:download`). */
  canDownload: boolean;
  /** Per version, with registered models: see `versionCanDownload`. */
  download: DownloadRights;
  canEdit: boolean;
  /** Protect, unprotect, move and remove protected aliases (registry admins). */
  canManageProtectedAliases: boolean;
};

/** What the viewer may do with the artifacts of a scope, for ArtifactNode. */
export function artifactRights(
  actor: Actor,
  scope: ArtifactScope,
): Pick<ArtifactNode, 'canDownload' | 'download' | 'canEdit' | 'canManageProtectedAliases'> {
  const download = downloadRightsIn(actor, scope);
  return {
    canDownload: download.artifacts,
    download,
    canEdit: canOnArtifacts(actor, 'artifact:edit-aliases', scope),
    canManageProtectedAliases: canOnArtifacts(actor, 'registry:manage-protected-aliases', scope),
  };
}

/** Whether the viewer may download this version's bytes (the REST routes' own decision). */
export function versionCanDownload(version: ArtifactVersionNode): Promise<boolean> {
  return mayDownloadVersion(version.artifact.download, version.id);
}

export type ArtifactVersionNode = ArtifactVersion & { artifact: ArtifactNode };

/** The artifacts of a project the viewer may see (`artifact:view`), by name. */
export async function listProjectArtifacts(
  actor: Actor,
  target: ProjectTarget,
): Promise<ArtifactNode[]> {
  const scope = await loadArtifactScope(actor, target);
  const artifacts = await getPrisma().artifact.findMany({
    where: { projectId: scope.project.id },
    orderBy: { name: 'asc' },
  });
  const rights = {
    target: { entity: scope.entity.name, project: scope.project.name },
    ...artifactRights(actor, scope),
  };
  return artifacts.map((a) => ({ ...a, ...rights }));
}

export async function getArtifact(
  actor: Actor,
  target: ProjectTarget,
  name: string,
): Promise<ArtifactNode> {
  const scope = await loadArtifactScope(actor, target);
  const artifact = await findArtifact(scope, name);
  return {
    ...artifact,
    target: { entity: scope.entity.name, project: scope.project.name },
    ...artifactRights(actor, scope),
  };
}

export async function versionsOf(artifact: ArtifactNode): Promise<ArtifactVersionNode[]> {
  const versions = await getPrisma().artifactVersion.findMany({
    where: { artifactId: artifact.id },
    orderBy: { version: 'desc' },
  });
  return versions.map((v) => ({ ...v, artifact }));
}

export async function aliasesOf(artifactId: string, versionId?: string) {
  const rows = await getPrisma().artifactAlias.findMany({
    where: { artifactId, ...(versionId && { versionId }) },
    include: { version: { select: { version: true } } },
    orderBy: { alias: 'asc' },
  });
  return rows.map((r) => ({
    alias: r.alias,
    protected: r.protected,
    version: versionLabel(r.version.version),
  }));
}

/** A version's manifest; download URLs only for viewers who may download. */
export async function filesOf(version: ArtifactVersionNode): Promise<ManifestFileView[]> {
  const files = await getPrisma().artifactFile.findMany({
    where: { versionId: version.id },
    orderBy: { path: 'asc' },
  });
  const target = { ...version.artifact.target, artifact: version.artifact.name };
  const mayDownload = await versionCanDownload(version);
  return files.map((f) => ({
    path: f.path,
    size: Number(f.size),
    sha256: f.sha256,
    downloadUrl:
      f.sha256 && mayDownload
        ? artifactFileUrl(target, versionLabel(version.version), f.path)
        : null,
    uri: f.ref ? f.ref.replace(/#[0-9a-f]{64}$/, '') : null,
  }));
}

export async function producerOf(version: ArtifactVersion): Promise<Run | null> {
  if (!version.createdByRunId) return null;
  return getPrisma().run.findUnique({ where: { id: version.createdByRunId } });
}

export async function consumersOf(version: ArtifactVersion): Promise<Run[]> {
  const usages = await getPrisma().artifactUsage.findMany({
    where: { versionId: version.id },
    include: { run: true },
    orderBy: { usedAt: 'asc' },
  });
  return usages.map((u) => u.run);
}

/**
 * Versions a run logged or used, for a run the caller already may view (artifacts of a
 * project are visible wherever its runs are: the seed grants both to every role).
 */
export async function artifactsOfRun(
  actor: Actor,
  run: { id: string; projectId: string },
  direction: 'logged' | 'used',
): Promise<ArtifactVersionNode[]> {
  const prisma = getPrisma();
  const project = await prisma.project.findUniqueOrThrow({
    where: { id: run.projectId },
    select: { name: true, entity: { select: { name: true } } },
  });
  const scope = await loadArtifactScope(actor, {
    entity: project.entity.name,
    project: project.name,
  });
  const versions =
    direction === 'logged'
      ? await prisma.artifactVersion.findMany({
          where: { createdByRunId: run.id },
          include: { artifact: true },
          orderBy: { createdAt: 'asc' },
        })
      : (
          await prisma.artifactUsage.findMany({
            where: { runId: run.id },
            include: { version: { include: { artifact: true } } },
            orderBy: { usedAt: 'asc' },
          })
        ).map((u) => u.version);
  const rights = artifactRights(actor, scope);
  return Promise.all(
    versions.map(async (v) => {
      // A used version may live in another project of the entity.
      const owner =
        v.artifact.projectId === run.projectId
          ? { entity: scope.entity.name, project: scope.project.name }
          : await prisma.project
              .findUniqueOrThrow({
                where: { id: v.artifact.projectId },
                select: { name: true, entity: { select: { name: true } } },
              })
              .then((p) => ({ entity: p.entity.name, project: p.name }));
      return { ...v, artifact: { ...v.artifact, target: owner, ...rights } };
    }),
  );
}
