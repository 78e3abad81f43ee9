import { loadArtifactScope } from '../artifacts/artifact-scope';
import { artifactRights, type ArtifactVersionNode } from '../artifacts/read-artifacts';
import { versionLabel } from '../artifacts/versions';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { isAppError } from '../errors';

export async function modelVersionsOf(modelId: string) {
  return getPrisma().registeredModelVersion.findMany({
    where: { modelId },
    orderBy: { version: 'desc' },
  });
}

export async function modelAliasesOf(modelId: string, versionId?: string) {
  const rows = await getPrisma().registeredModelAlias.findMany({
    where: { modelId, ...(versionId && { versionId }) },
    include: { version: { select: { version: true } } },
    orderBy: { alias: 'asc' },
  });
  return rows.map((r) => ({
    alias: r.alias,
    protected: r.protected,
    version: versionLabel(r.version.version),
  }));
}

/**
 * The artifact version behind a registry link, as the viewer may see it in its project;
 * null when that project is hidden from them (a private project of the team).
 */
export async function linkedArtifactVersion(
  actor: Actor,
  artifactVersionId: string,
): Promise<ArtifactVersionNode | null> {
  const version = await getPrisma().artifactVersion.findUniqueOrThrow({
    where: { id: artifactVersionId },
    include: { artifact: { include: { project: { include: { entity: true } } } } },
  });
  const target = {
    entity: version.artifact.project.entity.name,
    project: version.artifact.project.name,
  };
  try {
    const scope = await loadArtifactScope(actor, target);
    const { project: _project, ...artifact } = version.artifact;
    return {
      ...version,
      artifact: {
        ...artifact,
        target,
        ...artifactRights(actor, scope),
      },
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}
