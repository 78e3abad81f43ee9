import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { parseField, parseInput } from '../validation';
import {
  assertCanOnArtifacts,
  findArtifact,
  loadArtifactScope,
  resolveVersion,
  type ArtifactScope,
  type ProjectTarget,
} from './artifact-scope';
import { customAlias, setAliasSchema } from './schemas';
import { toVersionView, type ArtifactVersionView } from './versions';

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>['$transaction']>[0]>[0];

/**
 * Points `alias` at a version (creating or moving it). Members edit aliases; a protected alias
 * — and making one protected or unprotected — is the registry admins' alone
 * (`registry:manage-protected-aliases`), team admins included.
 */
export async function applyAlias(
  tx: Tx,
  actor: Actor,
  scope: ArtifactScope,
  artifactId: string,
  alias: string,
  versionId: string,
  protect?: boolean,
): Promise<void> {
  assertCanOnArtifacts(actor, 'artifact:edit-aliases', scope);
  const existing = await tx.artifactAlias.findUnique({
    where: { artifactId_alias: { artifactId, alias } },
  });
  const protectedNow = existing?.protected ?? false;
  const protectedAfter = protect ?? protectedNow;
  const moves = existing?.versionId !== versionId;
  if ((protectedNow && moves) || protectedAfter !== protectedNow || (!existing && protectedAfter)) {
    assertProtectedAliasAdmin(actor, scope, alias);
  }
  await tx.artifactAlias.upsert({
    where: { artifactId_alias: { artifactId, alias } },
    create: { artifactId, alias, versionId, protected: protectedAfter },
    update: { versionId, protected: protectedAfter },
  });
}

function assertProtectedAliasAdmin(actor: Actor, scope: ArtifactScope, alias: string) {
  try {
    assertCanOnArtifacts(actor, 'registry:manage-protected-aliases', scope);
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      throw AppError.forbidden(
        `"${alias}" is a protected alias: only registry admins may change it`,
      );
    }
    throw error;
  }
}

/** PUT an alias: `{ version: 'v2' | 'latest' | other alias, protected? }`. */
export async function setAlias(
  actor: Actor,
  target: ProjectTarget & { artifact: string; alias: string },
  raw: unknown,
): Promise<ArtifactVersionView> {
  const alias = parseField(customAlias, 'alias', target.alias);
  const input = parseInput(setAliasSchema, raw);
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:edit-aliases', scope);
  const artifact = await findArtifact(scope, target.artifact);
  const version = await resolveVersion(artifact, input.version);
  await getPrisma().$transaction((tx) =>
    applyAlias(tx, actor, scope, artifact.id, alias, version.id, input.protected),
  );
  return toVersionView(version.id);
}

/** Removes a custom alias (`latest` is the server's). Protected ones: registry admins only. */
export async function removeAlias(
  actor: Actor,
  target: ProjectTarget & { artifact: string; alias: string },
): Promise<{ deleted: true; alias: string }> {
  const alias = parseField(customAlias, 'alias', target.alias);
  const scope = await loadArtifactScope(actor, target);
  assertCanOnArtifacts(actor, 'artifact:delete-aliases', scope);
  const artifact = await findArtifact(scope, target.artifact);
  const existing = await getPrisma().artifactAlias.findUnique({
    where: { artifactId_alias: { artifactId: artifact.id, alias } },
  });
  if (!existing) throw AppError.notFound(`Alias "${target.artifact}:${alias}"`);
  if (existing.protected) assertProtectedAliasAdmin(actor, scope, alias);
  await getPrisma().artifactAlias.delete({ where: { id: existing.id } });
  return { deleted: true, alias };
}
