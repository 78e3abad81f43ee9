import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { parseStreamBatch } from './parse-stream-batch';
import { ingestLimits, streamBatchSchema } from './schemas';

/** The schema's own verdict: the parsed batch, or the error's code, message and fields. */
function viaSchema(raw: unknown) {
  try {
    return { ok: parseInput(streamBatchSchema, raw) };
  } catch (error) {
    return { error: summarise(error) };
  }
}

function viaFastPath(raw: unknown) {
  try {
    return { ok: parseStreamBatch(raw) };
  } catch (error) {
    return { error: summarise(error) };
  }
}

function summarise(error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return { code: error.code, message: error.message, fields: error.fields };
}

/** A small deterministic PRNG, so a failure can be replayed from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/** Mostly valid numeric batches, each with a chance of one kind of deviation. */
function batch(next: () => number): unknown {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const value = () =>
    pick<unknown>([
      next(),
      -next() * 1e9,
      0,
      1e-300,
      'NaN',
      'Infinity',
      'text',
      true,
      null,
      { _type: 'histogram', bins: [0, 1], counts: [3] },
      [1, 2],
    ]);
  const key = () =>
    pick(['loss', 'acc', 'train/loss', 'val/acc', '', 'system/cpu', 'k'.repeat(257)]);
  const numeric = next() < 0.5;
  const rows = Array.from({ length: Math.floor(next() * 5) }, (_, i) => {
    const values: Record<string, unknown> = {};
    for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
      if (numeric) values[pick(['loss', 'acc', 'train/loss'])] = next();
      else values[key()] = value();
    }
    const row: Record<string, unknown> = {
      step: pick<unknown>([i, i * 10, -1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 60, '3']),
      values: next() < 0.95 ? values : pick<unknown>([null, [], 'x']),
    };
    if (next() < 0.05) row.extra = 1;
    return row;
  });
  const history: Record<string, unknown> = {
    offset: pick<unknown>([0, 5, -1, 0.5, '0']),
    rows: next() < 0.95 ? rows : 'rows',
  };
  if (next() < 0.05) delete history.offset;
  const raw: Record<string, unknown> = { history };
  if (next() < 0.3) raw.summary = { best: next() };
  if (next() < 0.2) raw.console = [{ lineNo: 0, text: 'hello' }];
  if (next() < 0.1) raw.finish = { exitCode: pick<unknown>([0, 1, 'x']) };
  if (next() < 0.05) raw.unknown = true;
  return raw;
}

describe('parseStreamBatch', () => {
  it('agrees with streamBatchSchema on 3,000 random batches, valid and invalid', () => {
    const next = random(42);
    let fastAccepted = 0;
    for (let i = 0; i < 3000; i++) {
      const raw = batch(next);
      const expected = viaSchema(raw);
      expect(viaFastPath(raw), JSON.stringify(raw)).toEqual(expected);
      if (expected.ok) fastAccepted++;
    }
    // Both kinds were exercised.
    expect(fastAccepted).toBeGreaterThan(200);
    expect(fastAccepted).toBeLessThan(2800);
  });

  it('keeps the row and key limits of the schema', () => {
    const tooManyKeys = Object.fromEntries(
      Array.from({ length: ingestLimits.maxKeysPerRow + 1 }, (_, i) => [`k${i}`, i]),
    );
    const raw = { history: { offset: 0, rows: [{ step: 0, values: tooManyKeys }] } };
    expect(viaFastPath(raw)).toEqual(viaSchema(raw));
    expect(viaFastPath(raw).error?.message).toMatch(/at most 1000 keys per row/);
    const rows = Array.from({ length: ingestLimits.maxHistoryRows + 1 }, (_, step) => ({
      step,
      values: { a: 1 },
    }));
    expect(viaFastPath({ history: { offset: 0, rows } }).error?.message).toMatch(
      /at most 10000 history rows/,
    );
  });
});
