import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');

let owner: Awaited<ReturnType<typeof createVerifiedUser>>;
let stranger: Awaited<ReturnType<typeof createVerifiedUser>>;

const runQuery = `query ($id: String!) {
  run(entity: "reader", project: "cifar", id: $id) {
    id state summary config historyKeys
    history(key: "loss", maxPoints: 10) { sampled bucketWidth points { step value min max count } }
    consoleLines(last: 2) { lineNo text }
  }
}`;

beforeAll(async () => {
  owner = await createVerifiedUser('reader');
  stranger = await createVerifiedUser('outsider');
  const created = await graphql<{ upsertRun: { id: string; historyOffset: number } }>(
    `
      mutation {
        upsertRun(input: { entity: "reader", project: "cifar", id: "r1", config: { lr: 0.1 } }) {
          id
          historyOffset
        }
      }
    `,
    {},
    owner.session,
  );
  expect(created.data?.upsertRun).toEqual({ id: 'r1', historyOffset: 0 });
  const { ingestStream } = await import('@/lib/runs/ingest-stream');
  const { actorFromSession } = await import('@/lib/auth/load-actor');
  const actor = (await actorFromSession(owner.user.id, owner.user.sessionVersion))!;
  await ingestStream(
    actor,
    { entity: 'reader', project: 'cifar', runId: 'r1' },
    {
      history: {
        offset: 0,
        rows: Array.from({ length: 100 }, (_, step) => ({
          step,
          values: { loss: step === 50 ? 'Infinity' : 100 - step },
        })),
      },
      console: ['a', 'b', 'c'].map((text, lineNo) => ({ lineNo, text })),
    },
  );
});

describe('reading runs through GraphQL', () => {
  it('returns the run, a sampled series with min/max per bucket, and the last console lines', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads nested JSON it asserts on
    const result = await graphql<{ run: Record<string, any> }>(
      runQuery,
      { id: 'r1' },
      owner.session,
    );
    expect(result.errors).toBeUndefined();
    const run = result.data!.run;
    expect(run).toMatchObject({
      id: 'r1',
      state: 'RUNNING',
      config: { lr: 0.1 },
      historyKeys: ['loss'],
    });
    expect(run.summary).toEqual({ loss: 1 });
    expect(run.history.sampled).toBe(true);
    expect(run.history.points.length).toBeLessThanOrEqual(10);
    const maxes = run.history.points.map((p: { max: unknown }) => p.max);
    expect(maxes).toContain('Infinity');
    expect(run.consoleLines).toEqual([
      { lineNo: 1, text: 'b' },
      { lineNo: 2, text: 'c' },
    ]);
  });

  it('hides a private project from others as not found, and shows a public one to anyone', async () => {
    const hidden = await graphql(runQuery, { id: 'r1' }, stranger.session);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymousProjects = await graphql<{ projects: unknown[] }>(`
      {
        projects(entity: "reader") {
          name
        }
      }
    `);
    expect(anonymousProjects.data?.projects).toEqual([]);

    await getPrisma().project.updateMany({
      where: { name: 'cifar' },
      data: { visibility: 'PUBLIC' },
    });
    const visible = await graphql<{ run: { id: string } }>(runQuery, { id: 'r1' });
    expect(visible.data?.run.id).toBe('r1');
    const listed = await graphql<{
      projects: { name: string; runCount: number; visibility: string }[];
    }>(`
      {
        projects(entity: "reader") {
          name
          runCount
          visibility
        }
      }
    `);
    expect(listed.data?.projects).toEqual([{ name: 'cifar', runCount: 1, visibility: 'PUBLIC' }]);
    // Read-only: anonymous visitors still cannot log.
    const log = await graphql(`
      mutation {
        upsertRun(input: { entity: "reader", project: "cifar", id: "x" }) {
          id
        }
      }
    `);
    expect(log.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
