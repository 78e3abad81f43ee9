import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { runFilePath } from '../files/schemas';
import { parseRange, type FileDownload } from '../files/run-files';
import { storeHolding } from '../storage/blob-location';
import { parseField } from '../validation';
import {
  assertCanDownloadVersion,
  findArtifact,
  loadArtifactScope,
  resolveVersion,
  type ProjectTarget,
} from './artifact-scope';

/**
 * Streams one stored file of a version (all of it or one `Range`), for actors with
 * `artifact:download`. References have no bytes here: their URI is in the manifest.
 */
export async function openArtifactFile(
  actor: Actor,
  target: ProjectTarget & { artifact: string; version: string },
  rawPath: string,
  rangeHeader: string | null,
): Promise<FileDownload | { status: 416; headers: Record<string, string> }> {
  const path = parseField(runFilePath, 'path', rawPath);
  const scope = await loadArtifactScope(actor, target);
  const artifact = await findArtifact(scope, target.artifact);
  const version = await resolveVersion(artifact, target.version);
  await assertCanDownloadVersion(actor, scope, version.id);
  const file = await getPrisma().artifactFile.findUnique({
    where: { versionId_path: { versionId: version.id, path } },
  });
  if (!file) throw AppError.notFound(`File "${path}"`);
  if (!file.sha256) {
    throw AppError.badInput(`"${path}" is a reference to ${file.ref}; fetch it from there`);
  }
  const size = Number(file.size);
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(path.split('/').pop()!)}`,
    'accept-ranges': 'bytes',
    etag: `"${file.sha256}"`,
    'cache-control': 'private, no-cache',
  };
  const range = parseRange(rangeHeader ?? '', size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { 'content-range': `bytes */${size}` } };
  }
  // The store this entity's copy went to (the instance's or a team connector's bucket).
  const store = await storeHolding(file.entityId, file.sha256!);
  if (!range || size === 0) {
    const body = await store.read(file.sha256!);
    return { status: 200, body, headers: { ...headers, 'content-length': String(size) } };
  }
  const body = await store.read(file.sha256!, range);
  return {
    status: 206,
    body,
    headers: {
      ...headers,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
    },
  };
}
