import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.CRON_SECRET = 'cron-secret-for-tests-0123456789';
process.env.CRASH_GRACE_SECONDS = '300';
const { getPrisma } = await import('@/lib/db/prisma');
const { detectCrashedRuns } = await import('@/lib/runs/crash-detection');
const { ingestStream } = await import('@/lib/runs/ingest-stream');
const { actorFromSession } = await import('@/lib/auth/load-actor');

type User = Awaited<ReturnType<typeof createVerifiedUser>>;
let admin: User;
let member: User;
let viewer: User;

async function startRun(user: User, id: string) {
  const result = await graphql(
    `mutation { upsertRun(input: { entity: "lab", project: "p", id: "${id}" }) { id } }`,
    {},
    user.session,
  );
  expect(result.errors).toBeUndefined();
}

beforeAll(async () => {
  admin = await createVerifiedUser('lead');
  member = await createVerifiedUser('mia');
  viewer = await createVerifiedUser('vic');
  await graphql(
    `
      mutation {
        createTeam(input: { name: "lab", type: WORK, newOrganizationName: "Lab Org" }) {
          name
        }
      }
    `,
    {},
    admin.session,
  );
  const team = await getPrisma().team.findUniqueOrThrow({ where: { name: 'lab' } });
  await getPrisma().membership.createMany({
    data: [
      { teamId: team.id, userId: member.user.id, role: 'MEMBER' },
      { teamId: team.id, userId: viewer.user.id, role: 'VIEW_ONLY' },
    ],
  });
});

describe('crash detection', () => {
  it('marks only runs whose heartbeat is older than the grace period, once, under concurrency', async () => {
    await startRun(member, 'quiet');
    await startRun(member, 'alive');
    const now = new Date();
    await getPrisma().run.updateMany({
      where: { runId: 'quiet' },
      data: { heartbeatAt: new Date(now.getTime() - 301_000) },
    });
    await getPrisma().run.updateMany({
      where: { runId: 'alive' },
      data: { heartbeatAt: new Date(now.getTime() - 299_000) },
    });
    const reports = await Promise.all([
      detectCrashedRuns({ now }),
      detectCrashedRuns({ now }),
      detectCrashedRuns({ now }),
    ]);
    expect(reports.flatMap((r) => r.runIds)).toEqual(['quiet']);
    const states = await getPrisma().run.findMany({
      where: { runId: { in: ['quiet', 'alive'] } },
      orderBy: { runId: 'asc' },
    });
    expect(states.map((r) => [r.runId, r.state])).toEqual([
      ['alive', 'RUNNING'],
      ['quiet', 'CRASHED'],
    ]);
    // A crashed run that talks again is running again, with its data intact.
    const actor = (await actorFromSession(member.user.id, member.user.sessionVersion))!;
    const ack = await ingestStream(
      actor,
      { entity: 'lab', project: 'p', runId: 'quiet' },
      { history: { offset: 0, rows: [{ step: 0, values: { x: 1 } }] } },
    );
    expect(ack.state).toBe('RUNNING');
  });

  it('is a cron route that needs the bearer secret', async () => {
    const { GET } = await import('@/app/api/cron/crash-detection/route');
    expect((await GET(new NextRequest('http://localhost/api/cron/crash-detection'))).status).toBe(
      401,
    );
    const wrong = new NextRequest('http://localhost/x', {
      headers: { authorization: 'Bearer nope' },
    });
    expect((await GET(wrong)).status).toBe(401);
    const right = await GET(
      new NextRequest('http://localhost/x', {
        headers: { authorization: `Bearer ${process.env.CRON_SECRET}` },
      }),
    );
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({
      crashed: expect.any(Number),
      runIds: expect.any(Array),
    });
  });
});

describe('stop and mark failed', () => {
  const stop = (id: string) =>
    `mutation { stopRun(run: { entity: "lab", project: "p", id: "${id}" }) { state } }`;

  it('lets members stop their own runs, admins any, and never view-only members', async () => {
    await startRun(member, 'mine');
    await startRun(admin, 'theirs');
    expect((await graphql(stop('theirs'), {}, member.session)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await graphql(stop('mine'), {}, viewer.session)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await graphql(stop('mine'), {}, member.session)).data).toEqual({
      stopRun: { state: 'KILLED' },
    });
    expect((await graphql(stop('theirs'), {}, admin.session)).data).toEqual({
      stopRun: { state: 'KILLED' },
    });
    expect((await graphql(stop('mine'), {}, member.session)).errors?.[0]?.message).toMatch(
      /already killed/,
    );
  });

  it('tells the SDK to stop through its next stream response, and keeps the run killed', async () => {
    await startRun(member, 'to-stop');
    await graphql(stop('to-stop'), {}, admin.session);
    const actor = (await actorFromSession(member.user.id, member.user.sessionVersion))!;
    const ack = await ingestStream(
      actor,
      { entity: 'lab', project: 'p', runId: 'to-stop' },
      { finish: { exitCode: 143 } },
    );
    expect(ack).toMatchObject({ stopRequested: true, state: 'KILLED' });
  });

  it('marks a crashed run failed by hand', async () => {
    await startRun(member, 'gone');
    await getPrisma().run.updateMany({ where: { runId: 'gone' }, data: { state: 'CRASHED' } });
    const result = await graphql(
      `
        mutation {
          markRunFailed(run: { entity: "lab", project: "p", id: "gone" }) {
            state
          }
        }
      `,
      {},
      member.session,
    );
    expect(result.data).toEqual({ markRunFailed: { state: 'FAILED' } });
  });
});
