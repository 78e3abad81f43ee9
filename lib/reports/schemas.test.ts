import { describe, expect, it } from 'vitest';
import { createReportSchema, maxBodyBytes, readStoredPanels, updateReportSchema } from './schemas';

describe('report schemas', () => {
  it('counts the body in bytes, not characters', () => {
    // "é" is two bytes in UTF-8: half as many characters reach the limit.
    const atLimit = 'é'.repeat(maxBodyBytes / 2);
    expect(createReportSchema.safeParse({ title: 't', body: atLimit }).success).toBe(true);
    expect(createReportSchema.safeParse({ title: 't', body: `${atLimit}a` }).success).toBe(false);
  });

  it('fills in chart defaults from the workspace panel settings', () => {
    const parsed = createReportSchema.parse({
      title: ' Sweep ',
      panels: [{ id: 'p1', runIds: ['r1'], yKeys: ['loss'] }],
    });
    expect(parsed).toEqual({
      title: 'Sweep',
      description: '',
      body: '',
      panels: [
        {
          id: 'p1',
          runIds: ['r1'],
          yKeys: ['loss'],
          xAxis: '_step',
          logX: false,
          logY: false,
          smoothing: 0,
          legend: 'top',
        },
      ],
    });
  });

  it('refuses an update that changes nothing', () => {
    expect(updateReportSchema.safeParse({}).success).toBe(false);
    expect(updateReportSchema.safeParse({ body: '' }).success).toBe(true);
  });

  it('reads stored panels leniently, dropping ones it cannot draw', () => {
    expect(readStoredPanels(null)).toEqual([]);
    const panels = readStoredPanels([
      { id: 'ok', runIds: ['r1'], yKeys: ['loss'] },
      { id: 'no-runs', runIds: [], yKeys: ['loss'] },
      'junk',
    ]);
    expect(panels.map((panel) => panel.id)).toEqual(['ok']);
  });
});
