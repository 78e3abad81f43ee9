import type { PoolClient } from 'pg';
import { getPrisma } from '../db/prisma';
import type { MediaValueInput } from './schemas';

/**
 * Non-numeric history values: text, histograms, tables and images (whose bytes are a run
 * file). They ride in the same history rows as numbers, so the stream's offsets make them
 * idempotent too, but are stored as typed records beside the MetricsStore, which holds
 * numbers only. One record per (run, key, step); a retried row replaces its own record.
 */

export type MediaType = 'STRING' | 'HISTOGRAM' | 'TABLE' | 'IMAGE';

export interface MediaRecord {
  key: string;
  step: number;
  type: MediaType;
  value: unknown;
}

type NumberLike = number | 'NaN' | 'Infinity' | '-Infinity';
export type HistoryValue = NumberLike | string | MediaValueInput;

const numberStrings = new Set(['NaN', 'Infinity', '-Infinity']);

/** The number a value stands for, or null when it is media. */
export function numericValue(value: HistoryValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && numberStrings.has(value)) return Number(value);
  return null;
}

export function mediaRecord(key: string, step: number, value: HistoryValue): MediaRecord {
  if (typeof value === 'string') return { key, step, type: 'STRING', value };
  const { _type, ...rest } = value as MediaValueInput;
  const type = ({ histogram: 'HISTOGRAM', table: 'TABLE', image: 'IMAGE' } as const)[_type];
  return { key, step, type, value: rest };
}

/** What the run summary shows for a media key: text as it is, others by type and step. */
export function mediaSummary(record: MediaRecord): unknown {
  return record.type === 'STRING'
    ? record.value
    : { _type: record.type.toLowerCase(), step: record.step };
}

export async function storeMediaRecords(
  client: Pick<PoolClient, 'query'>,
  runDbId: string,
  records: MediaRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await client.query(
    `INSERT INTO "MediaValue" ("runId", key, step, type, value)
     SELECT $1, k, s, t::"MediaType", v FROM unnest($2::text[], $3::bigint[], $4::text[], $5::jsonb[]) AS r(k, s, t, v)
     ON CONFLICT ("runId", key, step) DO UPDATE SET type = EXCLUDED.type, value = EXCLUDED.value`,
    [
      runDbId,
      records.map((r) => r.key),
      records.map((r) => r.step),
      records.map((r) => r.type),
      records.map((r) => JSON.stringify(r.value)),
    ],
  );
}

/** The media keys of a run with their types, for pages and the export API. */
export async function mediaKeys(runDbId: string): Promise<{ key: string; type: MediaType }[]> {
  const rows = await getPrisma().mediaValue.findMany({
    where: { runId: runDbId },
    distinct: ['key'],
    select: { key: true, type: true },
    orderBy: { key: 'asc' },
  });
  return rows;
}

/** One media series in step order, paged by step. */
export async function readMedia(
  runDbId: string,
  key: string,
  { afterStep, limit }: { afterStep?: number; limit: number },
): Promise<MediaRecord[]> {
  const rows = await getPrisma().mediaValue.findMany({
    where: { runId: runDbId, key, ...(afterStep !== undefined && { step: { gt: afterStep } }) },
    orderBy: { step: 'asc' },
    take: Math.min(Math.max(1, limit), 1_000),
  });
  return rows.map((row) => ({ key, step: Number(row.step), type: row.type, value: row.value }));
}
