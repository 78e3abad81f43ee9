import { describe, expect, it } from 'vitest';
import { flattenKeys } from './flatten-keys';

describe('flattenKeys', () => {
  it('turns nested objects into dotted keys and keeps arrays, nulls and empty objects whole', () => {
    expect(
      flattenKeys({
        lr: 0.1,
        optimizer: { name: 'adam', betas: [0.9, 0.999], schedule: { warmup: 100 } },
        empty: {},
        none: null,
      }),
    ).toEqual([
      { key: 'lr', value: 0.1 },
      { key: 'optimizer.name', value: 'adam' },
      { key: 'optimizer.betas', value: [0.9, 0.999] },
      { key: 'optimizer.schedule.warmup', value: 100 },
      { key: 'empty', value: {} },
      { key: 'none', value: null },
    ]);
  });

  it('stops descending past eight levels', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { n: deep };
    const rows = flattenKeys(deep);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key.split('.')).toHaveLength(9);
  });
});
