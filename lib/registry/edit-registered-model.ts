import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { parseInput } from '../validation';
import { assertCanOnRegistry, findRegisteredModel, loadRegistryScope } from './registry-scope';

const editSchema = z.object({
  entity: z.string().min(1),
  name: z.string().min(1),
  description: z
    .string({ error: 'must be a string' })
    .max(10_000, 'must be at most 10,000 characters'),
});

/**
 * Replaces a registered model's description. The seed's table has no row of its own for it:
 * whoever may add models to the registry (`registry:add-models`) describes them.
 */
export async function editRegisteredModel(
  actor: Actor,
  raw: unknown,
): Promise<{ modelId: string }> {
  const input = parseInput(editSchema, raw);
  const scope = await loadRegistryScope(actor, input.entity);
  assertCanOnRegistry(actor, 'registry:add-models', scope);
  const model = await findRegisteredModel(scope, input.name);
  await getPrisma().registeredModel.update({
    where: { id: model.id },
    data: { description: input.description },
  });
  return { modelId: model.id };
}
