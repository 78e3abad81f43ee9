import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { checkStorageWarningsAfterWrite } from '../storage/usage-warnings';
import {
  assertCanOnArtifacts,
  findArtifact,
  loadArtifactScope,
  resolveVersion,
  type ProjectTarget,
} from './artifact-scope';
import { versionLabel } from './versions';

/**
 * Deletes one version. Its files go with it, and the ArtifactFile triggers give back the
 * usage of blobs nothing else of the entity holds. Custom aliases on it are dropped, `latest`
 * moves to the newest remaining version; an artifact with no version left is removed.
 * A version that holds a protected alias (of the artifact, or of a registered model linking it)
 * is the registry admins' to delete.
 */
export async function deleteArtifactVersion(
  actor: Actor,
  target: ProjectTarget & { artifact: string; version: string },
): Promise<{ deleted: true; version: string }> {
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:delete', scope);
  const artifact = await findArtifact(scope, target.artifact);
  const version = await resolveVersion(artifact, target.version);
  const prisma = getPrisma();
  // Deleting the version would drop its protected aliases, here and in the model registry.
  const guarded =
    (await prisma.artifactAlias.findFirst({ where: { versionId: version.id, protected: true } })) ??
    (await prisma.registeredModelAlias.findFirst({
      where: { protected: true, version: { artifactVersionId: version.id } },
    }));
  if (guarded) {
    try {
      assertCanOnArtifacts(actor, 'registry:manage-protected-aliases', scope);
    } catch {
      throw AppError.forbidden(
        `${artifact.name}:${versionLabel(version.version)} holds the protected alias "${guarded.alias}": only registry admins may delete it`,
      );
    }
  }
  await prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT 1 FROM "Artifact" WHERE "id" = $1 FOR UPDATE`, artifact.id);
    await tx.artifactVersion.delete({ where: { id: version.id } });
    const newest = await tx.artifactVersion.findFirst({
      where: { artifactId: artifact.id },
      orderBy: { version: 'desc' },
    });
    if (!newest) {
      await tx.artifact.delete({ where: { id: artifact.id } });
      return;
    }
    await tx.artifactAlias.upsert({
      where: { artifactId_alias: { artifactId: artifact.id, alias: 'latest' } },
      create: { artifactId: artifact.id, alias: 'latest', versionId: newest.id },
      update: { versionId: newest.id },
    });
  });
  // Usage may have dropped below a warning threshold: reset it so the next crossing warns.
  await checkStorageWarningsAfterWrite(scope.entity.id);
  return { deleted: true, version: versionLabel(version.version) };
}
