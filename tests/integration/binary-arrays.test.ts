import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db/prisma';
import { binaryFloat8Array, binaryInt8Array } from '@/lib/history/binary-arrays';

/** What Postgres makes of our binary arrays, read back as text so nothing is lost in pg's parsing. */
async function asText(parameter: Buffer, type: 'float8' | 'int8'): Promise<string[]> {
  const { rows } = await getPool().query<{ item: string }>(
    `SELECT item::text FROM unnest($1::${type}[]) WITH ORDINALITY AS u(item, i) ORDER BY i`,
    [parameter],
  );
  return rows.map((row) => row.item);
}

describe('binary array parameters', () => {
  it('carry every float8 exactly, NaN, ±Infinity, -0 and subnormals included', async () => {
    const values = [
      0.1,
      -0,
      1 / 3,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      -2.5e-308,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      ...Array.from({ length: 200 }, () => (Math.random() - 0.5) * 10 ** (Math.random() * 40 - 20)),
    ];
    const text = await asText(binaryFloat8Array(values), 'float8');
    // Postgres prints float8 with shortest round-trip digits, so Number() must give the same bits.
    expect(text.map(Number)).toEqual(values);
    expect(text[1]).toBe('-0');
  });

  it('carry int8 steps across the 32-bit boundary and below zero', async () => {
    const steps = [
      0,
      1,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 32,
      2 ** 32 + 5,
      Number.MAX_SAFE_INTEGER,
      -1,
      -(2 ** 33) - 7,
    ];
    expect(await asText(binaryInt8Array(steps), 'int8')).toEqual(steps.map(String));
  });

  it('send an empty array as an empty array', async () => {
    expect(await asText(binaryFloat8Array([]), 'float8')).toEqual([]);
    expect(await asText(binaryInt8Array([]), 'int8')).toEqual([]);
  });
});
