import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { parseInput } from '../validation';
import {
  assertCanOnArtifacts,
  findArtifact,
  loadArtifactScope,
  resolveVersion,
  type ProjectTarget,
} from './artifact-scope';
import { metadataSchema } from './schemas';
import { toVersionView, type ArtifactVersionView } from './versions';

/**
 * Replaces a version's metadata and/or the artifact's description. Metadata is not part of
 * the manifest digest, so editing it never makes a new version.
 */
export async function editArtifactMetadata(
  actor: Actor,
  target: ProjectTarget & { artifact: string; version: string },
  raw: unknown,
): Promise<ArtifactVersionView> {
  const input = parseInput(metadataSchema, raw);
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:edit-metadata', scope);
  const artifact = await findArtifact(scope, target.artifact);
  const version = await resolveVersion(artifact, target.version);
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    if (input.metadata !== undefined) {
      await tx.artifactVersion.update({
        where: { id: version.id },
        data: { metadata: input.metadata as object },
      });
    }
    if (input.description !== undefined) {
      await tx.artifact.update({
        where: { id: artifact.id },
        data: { description: input.description },
      });
    }
  });
  return toVersionView(version.id);
}
