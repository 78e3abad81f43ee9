import { z } from 'zod';
import { findArtifact, loadArtifactScope, resolveVersion } from '../artifacts/artifact-scope';
import { artifactName, customAlias, versionRef } from '../artifacts/schemas';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { assertCanOnRegistry, findRegisteredModel, loadRegistryScope } from './registry-scope';
import { applyModelAlias } from './model-aliases';

const linkSchema = z.object({
  entity: z.string().min(1),
  model: artifactName,
  project: z.string().min(1),
  artifact: artifactName,
  version: versionRef,
  aliases: z.array(customAlias).max(20).optional(),
  /** Register `model` first when it is not in the registry yet (the page's "new model"). */
  create: z.boolean().optional(),
});

/**
 * Links an artifact version of type `model` (from a project of the same user or team) into a
 * registered model as its next vN; linking the same artifact version again returns that
 * link. `latest` moves to a new link; requested aliases point at it. With `create`, a model
 * not registered yet is registered in the same transaction, so a refused link leaves none.
 */
export async function linkModelVersion(
  actor: Actor,
  raw: unknown,
): Promise<{ modelId: string; linkId: string; version: number; created: boolean }> {
  const input = parseInput(linkSchema, raw);
  const scope = await loadRegistryScope(actor, input.entity);
  assertCanOnRegistry(actor, 'registry:add-models', scope);
  const registered = input.create
    ? await getPrisma().registeredModel.findUnique({
        where: { entityId_name: { entityId: scope.entity.id, name: input.model } },
      })
    : await findRegisteredModel(scope, input.model);
  // The source must be visible to the actor, in the registry's own user or team.
  const source = await loadArtifactScope(actor, { entity: input.entity, project: input.project });
  const artifact = await findArtifact(source, input.artifact);
  if (artifact.type !== 'model') {
    throw AppError.badInput(
      `"${artifact.name}" is a ${artifact.type} artifact; only artifacts of type "model" go in the registry`,
      [{ field: 'artifact', message: 'must be of type model' }],
    );
  }
  const version = await resolveVersion(artifact, input.version);
  return getPrisma().$transaction(async (tx) => {
    if (!registered) {
      // Two first links of one new name: the loser links into the winner's model.
      await tx.registeredModel.createMany({
        data: [{ entityId: scope.entity.id, name: input.model }],
        skipDuplicates: true,
      });
    }
    const model =
      registered ??
      (await tx.registeredModel.findUniqueOrThrow({
        where: { entityId_name: { entityId: scope.entity.id, name: input.model } },
      }));
    await tx.$executeRawUnsafe(
      `SELECT 1 FROM "RegisteredModel" WHERE "id" = $1 FOR UPDATE`,
      model.id,
    );
    const existing = await tx.registeredModelVersion.findUnique({
      where: { modelId_artifactVersionId: { modelId: model.id, artifactVersionId: version.id } },
    });
    let link = existing;
    if (!link) {
      const { nextVersion } = await tx.registeredModel.update({
        where: { id: model.id },
        data: { nextVersion: { increment: 1 } },
        select: { nextVersion: true },
      });
      link = await tx.registeredModelVersion.create({
        data: {
          modelId: model.id,
          version: nextVersion - 1,
          artifactVersionId: version.id,
          linkedById: actor.kind === 'user' ? actor.userId : null,
        },
      });
      await tx.registeredModelAlias.upsert({
        where: { modelId_alias: { modelId: model.id, alias: 'latest' } },
        create: { modelId: model.id, alias: 'latest', versionId: link.id },
        update: { versionId: link.id },
      });
    }
    for (const alias of input.aliases ?? []) {
      await applyModelAlias(tx, actor, scope, model.id, alias, link.id);
    }
    return { modelId: model.id, linkId: link.id, version: link.version, created: !existing };
  });
}
