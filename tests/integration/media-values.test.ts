import { afterAll, beforeAll, expect, it } from 'vitest';
import { histogram, image, init, table } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { apiKeyOf } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Non-numeric history values (issue #6.3): text, histograms, tables and images logged with
// the real SDK over HTTP, read back through GraphQL; numbers still go to the MetricsStore.

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const server = await startAppHttpServer();
let key: { authorization: string };

/** A 1×1 PNG. */
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  const mia = await createVerifiedUser('mia');
  key = await apiKeyOf(mia.session);
});
afterAll(() => server.stop());

it('stores text, histograms, tables and images as typed records, beside the numbers', async () => {
  const run = await init({
    apiKey: key.authorization.slice('Bearer '.length),
    baseUrl: server.url,
    project: 'media',
    id: 'mixed',
    captureConsole: false,
    finishOnExit: false,
    systemMetricsIntervalMs: 0,
    flushIntervalMs: 50,
  });
  run.log({ loss: 0.5, note: 'warming up', weights: histogram([1, 2, 2, 3, 3, 3], { bins: 3 }) });
  run.log({
    loss: 0.25,
    note: 'converging',
    predictions: table(
      ['id', 'label', 'ok'],
      [
        [1, 'cat', true],
        [2, 'dog', false],
      ],
    ),
    sample: image(pixel, { caption: 'first sample' }),
  });
  expect(await run.finish()).toBe(true);

  const read = await graphql<{
    run: {
      summary: Record<string, unknown>;
      historyKeys: string[];
      mediaKeys: { key: string; type: string }[];
      note: { step: number; value: unknown }[];
      weights: { value: unknown }[];
      predictions: { value: unknown }[];
      sample: { step: number; value: { path: string; caption: string } }[];
      files: { path: string }[];
    };
  }>(
    `
      {
        run(entity: "mia", project: "media", id: "mixed") {
          summary
          historyKeys
          mediaKeys {
            key
            type
          }
          note: media(key: "note") {
            step
            value
          }
          weights: media(key: "weights") {
            value
          }
          predictions: media(key: "predictions") {
            value
          }
          sample: media(key: "sample") {
            step
            value
          }
          files {
            path
          }
        }
      }
    `,
    {},
    key,
  );
  expect(read.errors).toBeUndefined();
  const stored = read.data!.run;
  expect(stored.mediaKeys).toEqual([
    { key: 'note', type: 'STRING' },
    { key: 'predictions', type: 'TABLE' },
    { key: 'sample', type: 'IMAGE' },
    { key: 'weights', type: 'HISTOGRAM' },
  ]);
  expect(stored.historyKeys).toContain('loss');
  expect(stored.historyKeys).not.toContain('note');
  expect(stored.note).toEqual([
    { step: 0, value: 'warming up' },
    { step: 1, value: 'converging' },
  ]);
  expect(stored.weights[0]!.value).toEqual({
    bins: [1, 1 + 2 / 3, 1 + 4 / 3, 3],
    counts: [1, 2, 3],
  });
  expect(stored.predictions[0]!.value).toEqual({
    columns: ['id', 'label', 'ok'],
    data: [
      [1, 'cat', true],
      [2, 'dog', false],
    ],
  });
  const [sample] = stored.sample;
  expect(sample!.step).toBe(1);
  expect(sample!.value.caption).toBe('first sample');
  expect(sample!.value.path).toMatch(/^media\/images\/sample_1_[0-9a-f]{8}\.png$/);
  // The image's bytes are a run file at that path.
  expect(stored.files.map((f) => f.path)).toContain(sample!.value.path);
  const bytes = await fetch(
    `${server.url}/api/v1/runs/mia/media/mixed/files/by-path/${sample!.value.path}`,
    { headers: key },
  );
  expect(Buffer.from(await bytes.arrayBuffer())).toEqual(pixel);
  expect(stored.summary).toMatchObject({
    loss: 0.25,
    note: 'converging',
    weights: { _type: 'histogram', step: 0 },
  });
});

it('refuses malformed media values naming the problem, storing nothing of the batch', async () => {
  const post = (body: unknown) =>
    fetch(`${server.url}/api/v1/runs/mia/media/strict/stream`, {
      method: 'POST',
      headers: { ...key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await fetch(`${server.url}/api/v1/runs/mia/media/strict`, {
    method: 'POST',
    headers: { ...key, 'content-type': 'application/json' },
    body: '{}',
  });
  const ragged = await post({
    history: {
      offset: 0,
      rows: [
        { step: 0, values: { loss: 1 } },
        { step: 1, values: { t: { _type: 'table', columns: ['a', 'b'], data: [[1]] } } },
      ],
    },
  });
  expect(ragged.status).toBe(400);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'strict' } });
  expect(run.historyOffset).toBe(0);
  expect(await getPrisma().mediaValue.count({ where: { runId: run.id } })).toBe(0);
});
