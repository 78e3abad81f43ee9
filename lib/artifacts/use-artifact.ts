import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import {
  assertCanDownloadVersion,
  findArtifact,
  findRunInProject,
  loadArtifactScope,
  resolveVersion,
  type ProjectTarget,
} from './artifact-scope';
import { useArtifactSchema } from './schemas';
import { toVersionView, type ArtifactVersionView } from './versions';

export interface ManifestFileView {
  path: string;
  size: number;
  /** Stored files: their content's sha256 and where to GET it. */
  sha256: string | null;
  downloadUrl: string | null;
  /** References: the external URI (nothing stored here). */
  uri: string | null;
}

export function artifactFileUrl(
  target: ProjectTarget & { artifact: string },
  version: string,
  path: string,
): string {
  const head = [target.entity, target.project, target.artifact, 'versions', version]
    .map(encodeURIComponent)
    .join('/');
  return `/api/v1/artifacts/${head}/files/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Resolves `name:alias` or `name:vN` for download and, when a run is named, records that the
 * run used this version (lineage). Downloading needs `artifact:download`: view-only members
 * see artifacts but do not get their content.
 */
export async function resolveArtifactForUse(
  actor: Actor,
  target: ProjectTarget & { artifact: string },
  raw: unknown,
): Promise<ArtifactVersionView & { files: ManifestFileView[] }> {
  const input = parseInput(useArtifactSchema, raw);
  const scope = await loadArtifactScope(actor, target);
  const artifact = await findArtifact(scope, target.artifact);
  const version = await resolveVersion(artifact, input.version);
  await assertCanDownloadVersion(actor, scope, version.id);
  const prisma = getPrisma();
  if (input.run) {
    const run = await findRunInProject(scope, input.run);
    // Lineage is written to the run, so it takes the right to log to it.
    assertCan(actor, 'run:log', { access: scope.access, visibility: scope.project.visibility });
    await prisma.artifactUsage.upsert({
      where: { runId_versionId: { runId: run.id, versionId: version.id } },
      create: { runId: run.id, versionId: version.id },
      update: { usedAt: new Date() },
    });
  }
  const files = await prisma.artifactFile.findMany({
    where: { versionId: version.id },
    orderBy: { path: 'asc' },
  });
  const view = await toVersionView(version.id);
  return {
    ...view,
    files: files.map((f) => ({
      path: f.path,
      size: Number(f.size),
      sha256: f.sha256 ?? (f.ref?.includes('#') ? f.ref.split('#').pop()! : null),
      downloadUrl: f.sha256 ? artifactFileUrl(target, view.version, f.path) : null,
      uri: f.ref ? f.ref.replace(/#[0-9a-f]{64}$/, '') : null,
    })),
  };
}
