import { parseInput } from '../validation';
import { ingestLimits, streamBatchSchema, type StreamBatch } from './schemas';

type HistoryBatch = NonNullable<StreamBatch['history']>;

const restSchema = streamBatchSchema.omit({ history: true });

/**
 * Validates a stream batch exactly as `streamBatchSchema` does, with a fast path for the
 * shape almost every batch has: history rows whose values are all plain numbers. zod costs
 * about half a millisecond per thousand points, a large share of a post's CPU (DESIGN.md
 * P1); this loop accepts only a strict subset of what the schema accepts and returns the
 * same value, and anything else (text, media, NaN strings, bad input) goes through zod,
 * which also writes the error messages. The unit test checks both paths agree.
 */
export function parseStreamBatch(raw: unknown): StreamBatch {
  if (!isPlainObject(raw) || raw.history === undefined) return parseInput(streamBatchSchema, raw);
  const history = numericHistory(raw.history);
  if (!history) return parseInput(streamBatchSchema, raw);
  const { history: _history, ...rest } = raw;
  return { ...parseInput(restSchema, rest), history };
}

function numericHistory(input: unknown): HistoryBatch | null {
  if (!isPlainObject(input) || !hasOnlyKeys(input, 2, 'offset', 'rows')) return null;
  const { offset, rows } = input;
  if (!Number.isSafeInteger(offset) || (offset as number) < 0) return null;
  if (!Array.isArray(rows) || rows.length > ingestLimits.maxHistoryRows) return null;
  for (const row of rows) {
    if (!isPlainObject(row) || !hasOnlyKeys(row, 2, 'step', 'values')) return null;
    const { step, values } = row;
    if (!Number.isSafeInteger(step) || (step as number) < 0) return null;
    if (!isPlainObject(values)) return null;
    let count = 0;
    for (const key in values) {
      if (!Object.hasOwn(values, key)) return null;
      if (++count > ingestLimits.maxKeysPerRow) return null;
      if (key.length === 0 || key.length > ingestLimits.maxKeyLength) return null;
      if (key.startsWith('system/')) return null;
      const value = values[key];
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
    }
  }
  return { offset: offset as number, rows: rows as HistoryBatch['rows'] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasOnlyKeys(value: Record<string, unknown>, count: number, a: string, b: string) {
  const keys = Object.keys(value);
  return keys.length === count && a in value && b in value;
}
