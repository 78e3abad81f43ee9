import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { getPool, getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { assertCan } from '../permissions/catalog';
import { parseInput } from '../validation';
import { accessToEntity, resolveEntity } from './project-access';
import type { RunTarget } from './run-viewer';

/** Limits of one model summary (named in every 4xx). */
export const modelSummaryLimits = {
  maxLayers: 10_000,
  maxStringLength: 256,
  maxShapeDimensions: 32,
  maxBodyBytes: 8 * 1024 * 1024,
} as const;

const text = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .max(
      modelSummaryLimits.maxStringLength,
      `must be at most ${modelSummaryLimits.maxStringLength} characters`,
    );

const layerSchema = z.object({
  name: text('name').min(1, 'must not be empty'),
  type: text('type'),
  parameterCount: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'is too large'),
  outputShape: z
    .union([
      text('outputShape'),
      z
        .array(z.number().int('dimensions must be whole numbers').nullable())
        .max(
          modelSummaryLimits.maxShapeDimensions,
          `must have at most ${modelSummaryLimits.maxShapeDimensions} dimensions`,
        ),
    ])
    .nullish(),
  trainable: z.boolean({ error: 'must be true or false' }).nullish(),
});

export const modelSummarySchema = z.object({
  layers: z
    .array(layerSchema, { error: 'must be a list of layers' })
    .max(
      modelSummaryLimits.maxLayers,
      `must have at most ${modelSummaryLimits.maxLayers.toLocaleString('en')} layers`,
    ),
});

export type ModelSummaryInput = z.input<typeof modelSummarySchema>;

export interface ModelLayerView {
  position: number;
  name: string;
  type: string;
  parameterCount: number;
  trainable: boolean | null;
  outputShape: string | null;
}

export interface ModelSummary {
  layers: ModelLayerView[];
  totalParameters: number;
  /** Layers not marked `trainable: false` count as trainable. */
  trainableParameters: number;
}

/**
 * Replaces a run's model summary with the given layers, all at once or not at all.
 * Authorised like the stream endpoint: whoever may log to the project may describe its runs' models.
 */
export async function setModelSummary(
  actor: Actor,
  target: RunTarget,
  raw: unknown,
): Promise<Omit<ModelSummary, 'layers'> & { layers: number }> {
  const { layers } = parseInput(modelSummarySchema, raw);
  const entity = await resolveEntity(target.entity);
  const access = await accessToEntity(actor, entity);
  const project = await getPrisma().project.findUnique({
    where: { entityId_name: { entityId: entity.id, name: target.project } },
  });
  if (!project) throw AppError.notFound(`Project "${target.project}"`);
  assertCan(actor, 'run:log', { access, visibility: project.visibility });
  const run = await getPrisma().run.findUnique({
    where: { projectId_runId: { projectId: project.id, runId: target.runId } },
    select: { id: true },
  });
  if (!run) throw AppError.notFound(`Run "${target.runId}"`);

  const client = await getPool().connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM "ModelLayer" WHERE "runId" = $1', [run.id]);
    if (layers.length > 0) {
      // One statement with arrays: 10,000 layers stay far below Postgres' parameter limit.
      await client.query(
        `INSERT INTO "ModelLayer" ("runId", position, name, type, "parameterCount", trainable, "outputShape")
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::bigint[], $6::boolean[], $7::text[])`,
        [
          run.id,
          layers.map((_, index) => index),
          layers.map((layer) => layer.name),
          layers.map((layer) => layer.type),
          layers.map((layer) => String(layer.parameterCount)),
          layers.map((layer) => layer.trainable ?? null),
          layers.map((layer) => shapeText(layer.outputShape)),
        ],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { layers: layers.length, ...totals(layers) };
}

function shapeText(shape: string | (number | null)[] | null | undefined): string | null {
  if (shape === undefined || shape === null) return null;
  return typeof shape === 'string' ? shape : JSON.stringify(shape);
}

function totals(layers: { parameterCount: number; trainable?: boolean | null }[]) {
  let totalParameters = 0;
  let trainableParameters = 0;
  for (const layer of layers) {
    totalParameters += layer.parameterCount;
    if (layer.trainable !== false) trainableParameters += layer.parameterCount;
  }
  return { totalParameters, trainableParameters };
}

/** A run's model summary, in layer order. The run id comes from a read that checked access. */
export async function readModelSummary(runInternalId: string): Promise<ModelSummary> {
  const rows = await getPrisma().modelLayer.findMany({
    where: { runId: runInternalId },
    orderBy: { position: 'asc' },
  });
  const layers = rows.map((row) => ({
    position: row.position,
    name: row.name,
    type: row.type,
    parameterCount: Number(row.parameterCount),
    trainable: row.trainable,
    outputShape: row.outputShape,
  }));
  return { layers, ...totals(layers) };
}
