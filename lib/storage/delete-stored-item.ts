import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { deleteArtifactVersion } from '../artifacts/delete-version';
import { deleteRunFile } from '../files/run-files';
import { parseInput } from '../validation';

const name = z.string().trim().min(1, 'is required').max(500);

export const deleteStoredItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), entity: name, project: name, run: name, path: name }),
  z.object({
    kind: z.literal('artifact-version'),
    entity: name,
    project: name,
    artifact: name,
    version: name,
  }),
]);

/**
 * The storage pages' delete button: a run file or an artifact version, through the services
 * that own them (they check permissions and release usage; the usage warning resets there).
 */
export async function deleteStoredItem(actor: Actor, raw: unknown): Promise<{ message: string }> {
  const input = parseInput(deleteStoredItemSchema, raw);
  if (input.kind === 'file') {
    await deleteRunFile(actor, input, input.path);
    return { message: `Deleted ${input.path}.` };
  }
  const { version } = await deleteArtifactVersion(actor, input);
  return { message: `Deleted ${input.artifact}:${version}.` };
}
