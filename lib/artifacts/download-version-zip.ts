import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { storeHolding } from '../storage/blob-location';
import {
  assertCanDownloadVersion,
  findArtifact,
  loadArtifactScope,
  resolveVersion,
  type ProjectTarget,
} from './artifact-scope';
import { versionLabel } from './versions';

/**
 * A whole version as one zip, for actors with `artifact:download`. The archive is a stream:
 * each blob is opened only when the archive reaches it and flows through in chunks, so memory
 * stays flat whatever the version weighs. References have no bytes here and are left out
 * (their URIs are in the manifest).
 */
export async function openVersionZip(
  actor: Actor,
  target: ProjectTarget & { artifact: string; version: string },
): Promise<{ body: Readable; filename: string }> {
  const scope = await loadArtifactScope(actor, target);
  const artifact = await findArtifact(scope, target.artifact);
  const version = await resolveVersion(artifact, target.version);
  await assertCanDownloadVersion(actor, scope, version.id);
  const files = await getPrisma().artifactFile.findMany({
    where: { versionId: version.id, sha256: { not: null } },
    select: { path: true, sha256: true, entityId: true },
    orderBy: { path: 'asc' },
  });
  const archive = new ZipArchive({ zlib: { level: 6 } });
  // Appended one at a time: opening every blob up front would hold a handle per file.
  void (async () => {
    for (const file of files) {
      const entry = once(archive, 'entry');
      const store = await storeHolding(file.entityId, file.sha256!);
      archive.append(await store.read(file.sha256!), { name: file.path });
      await entry;
    }
    await archive.finalize();
  })().catch((error: unknown) => archive.destroy(error as Error));
  return { body: archive, filename: `${artifact.name}-${versionLabel(version.version)}.zip` };
}
