import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { canOnArtifacts, loadArtifactScope, type ProjectTarget } from './artifact-scope';
import { versionLabel } from './versions';

/*
 * What the artifact pages read beyond the GraphQL nodes: a summary row per artifact for the
 * project's list, and the runs of a version's lineage with the project each lives in (a
 * version may be used from another project of the entity, and the page links to the run).
 */

export interface ArtifactSummary {
  name: string;
  type: string;
  description: string;
  latest: string | null;
  versionCount: number;
  /** Bytes of the latest version. */
  latestSize: number;
  updatedAt: Date;
}

/** Every artifact of the project with its newest version, for `artifact:view` viewers. */
export async function summarizeProjectArtifacts(
  actor: Actor,
  target: ProjectTarget,
): Promise<ArtifactSummary[]> {
  const scope = await loadArtifactScope(actor, target);
  const artifacts = await getPrisma().artifact.findMany({
    where: { projectId: scope.project.id },
    orderBy: [{ type: 'asc' }, { name: 'asc' }],
    include: {
      _count: { select: { versions: true } },
      versions: { orderBy: { version: 'desc' }, take: 1 },
    },
  });
  return artifacts.map((a) => {
    const newest = a.versions[0];
    return {
      name: a.name,
      type: a.type,
      description: a.description,
      latest: newest ? versionLabel(newest.version) : null,
      versionCount: a._count.versions,
      latestSize: newest ? Number(newest.size) : 0,
      updatedAt: newest?.createdAt ?? a.createdAt,
    };
  });
}

export interface LineageRun {
  entity: string;
  project: string;
  runId: string;
  name: string;
}

/** The run that logged a version and the runs that used it, oldest use first. */
export async function lineageOfVersion(
  versionId: string,
): Promise<{ producedBy: LineageRun | null; usedBy: LineageRun[] }> {
  const prisma = getPrisma();
  const runSelect = {
    runId: true,
    displayName: true,
    project: { select: { name: true, entity: { select: { name: true } } } },
  } as const;
  const version = await prisma.artifactVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: {
      createdByRun: { select: runSelect },
      usages: { orderBy: { usedAt: 'asc' }, select: { run: { select: runSelect } } },
    },
  });
  const view = (run: NonNullable<typeof version.createdByRun>): LineageRun => ({
    entity: run.project.entity.name,
    project: run.project.name,
    runId: run.runId,
    name: run.displayName,
  });
  return {
    producedBy: version.createdByRun ? view(version.createdByRun) : null,
    usedBy: version.usages.map((u) => view(u.run)),
  };
}

/** Whether the viewer may delete versions of the project's artifacts (`artifact:delete`). */
export async function canDeleteArtifactVersions(
  actor: Actor,
  target: ProjectTarget,
): Promise<boolean> {
  return canOnArtifacts(actor, 'artifact:delete', await loadArtifactScope(actor, target));
}

/** The run that logged each version of an artifact, by version id (for the versions list). */
export async function producersOfVersions(artifactId: string): Promise<Map<string, LineageRun>> {
  const versions = await getPrisma().artifactVersion.findMany({
    where: { artifactId, createdByRunId: { not: null } },
    select: {
      id: true,
      createdByRun: {
        select: {
          runId: true,
          displayName: true,
          project: { select: { name: true, entity: { select: { name: true } } } },
        },
      },
    },
  });
  return new Map(
    versions.flatMap((v) =>
      v.createdByRun
        ? [
            [
              v.id,
              {
                entity: v.createdByRun.project.entity.name,
                project: v.createdByRun.project.name,
                runId: v.createdByRun.runId,
                name: v.createdByRun.displayName,
              },
            ] as const,
          ]
        : [],
    ),
  );
}
