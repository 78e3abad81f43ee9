import { beforeAll, describe, expect, it } from 'vitest';
import { createBareRun } from '../helpers/runs';

const { getPool, getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const { readRun, writeInOneStatement } = await import('@/lib/runs/ingest-stream');
const { parseStreamBatch } = await import('@/lib/runs/parse-stream-batch');
const { sealsSettled } = await import('@/lib/runs/seal-queue');

let runId: string;
let projectId: string;

/** A batch of `rows` steps from `from` (two metrics), system samples and a console line. */
function batch(from: number, rows: number, systemOffset: number) {
  return parseStreamBatch({
    history: {
      offset: from,
      rows: Array.from({ length: rows }, (_, i) => ({
        step: from + i,
        values: { loss: 1 / (from + i + 1), acc: (from + i) / 1000 },
      })),
    },
    system: {
      offset: systemOffset,
      rows: [{ timestamp: 1_700_000_000 + from, values: { cpu: 12.5 } }],
    },
    console: [{ lineNo: from, text: `step ${from}`, stream: 'stdout' }],
    summary: { best: from },
  });
}

async function steps(key: string) {
  return (await getMetricsStore().readExact(runId, key, { limit: 10_000 })).map((p) => p.step);
}

async function consoleLines() {
  const { rows } = await getPool().query<{ lineNo: number }>(
    `SELECT "lineNo" FROM "ConsoleLine" WHERE "runId" = $1 ORDER BY "lineNo"`,
    [runId],
  );
  return rows.map((row) => row.lineNo);
}

beforeAll(async () => {
  runId = await createBareRun('one-statement');
  projectId = (await getPrisma().run.findUniqueOrThrow({ where: { id: runId } })).projectId;
  const run = await readRun(getPool(), projectId, 'one-statement', false);
  expect(await writeInOneStatement(run, batch(0, 10, 0))).toMatchObject({ historyOffset: 10 });
});

describe('the one-statement ingest path', () => {
  it('writes points, system samples, console lines, summary and offsets together', async () => {
    const run = await readRun(getPool(), projectId, 'one-statement', false);
    const ack = await writeInOneStatement(run, batch(10, 20, 1));
    expect(ack).toEqual({
      historyOffset: 30,
      systemOffset: 2,
      state: 'RUNNING',
      stopRequested: false,
    });
    expect(await steps('loss')).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(await steps('system/cpu')).toEqual([0, 1]);
    expect(await consoleLines()).toEqual([0, 10]);
    const after = await getPrisma().run.findUniqueOrThrow({ where: { id: runId } });
    expect(after).toMatchObject({ historyOffset: 30, systemOffset: 2, lastStep: 29n });
    expect(after.summary).toMatchObject({ loss: 1 / 30, best: 10 });
  });

  it('writes nothing when the run changed after it was read', async () => {
    const stale = await readRun(getPool(), projectId, 'one-statement', false);
    // Someone stops the run in between: the batch must not bring it back to RUNNING, nor
    // store its points while the offsets stay put.
    await getPool().query(`UPDATE "Run" SET state = 'KILLED' WHERE id = $1`, [runId]);
    expect(await writeInOneStatement(stale, batch(30, 5, 2))).toBeNull();
    expect(await steps('loss')).toHaveLength(30);
    expect(await consoleLines()).toEqual([0, 10]);
    const after = await getPrisma().run.findUniqueOrThrow({ where: { id: runId } });
    expect(after).toMatchObject({ state: 'KILLED', historyOffset: 30 });
  });

  it('leaves a batch that writes a step again to the locked path', async () => {
    const run = await readRun(getPool(), projectId, 'one-statement', false);
    // Step 29 again, with another key (log without commit).
    expect(
      await writeInOneStatement(
        run,
        parseStreamBatch({ history: { offset: 30, rows: [{ step: 29, values: { lr: 0.1 } }] } }),
      ),
    ).toBeNull();
    expect(await steps('lr')).toEqual([]);
  });

  it('writes a batch that completes a block, and seals the block after it', async () => {
    await getPool().query(`UPDATE "Run" SET state = 'RUNNING' WHERE id = $1`, [runId]);
    const run = await readRun(getPool(), projectId, 'one-statement', false);
    // Steps 30..1029 cross the first block's end (1024).
    const ack = await writeInOneStatement(
      run,
      parseStreamBatch({
        history: {
          offset: 30,
          rows: Array.from({ length: 1000 }, (_, i) => ({ step: 30 + i, values: { loss: i } })),
        },
      }),
    );
    expect(ack).toMatchObject({ historyOffset: 1030 });
    const expected = Array.from({ length: 1030 }, (_, i) => i);
    expect(await steps('loss')).toEqual(expected);
    await sealsSettled();
    const { rows } = await getPool().query<{ stepFirst: string; count: number }>(
      `SELECT c."stepFirst"::text AS "stepFirst", c.count FROM "HistoryChunk" c
       JOIN "Metric" m ON m.id = c."metricId" WHERE m."runId" = $1 AND m.key = 'loss'`,
      [runId],
    );
    expect(rows).toEqual([{ stepFirst: '0', count: 1024 }]);
    expect(await steps('loss')).toEqual(expected);
  });
});
