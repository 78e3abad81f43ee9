import { describe, expect, it } from 'vitest';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');

describe('deleting people and teams', () => {
  it('removes personal projects with all their history, including unsealed points', async () => {
    const zoe = await createVerifiedUser('zoe');
    await graphql(
      `
        mutation {
          upsertRun(input: { entity: "zoe", project: "p", id: "r" }) {
            id
          }
        }
      `,
      {},
      zoe.session,
    );
    const { ingestStream } = await import('@/lib/runs/ingest-stream');
    const { actorFromSession } = await import('@/lib/auth/load-actor');
    const actor = (await actorFromSession(zoe.user.id, zoe.user.sessionVersion))!;
    await ingestStream(
      actor,
      { entity: 'zoe', project: 'p', runId: 'r' },
      {
        history: {
          offset: 0,
          rows: Array.from({ length: 1500 }, (_, step) => ({ step, values: { loss: step } })),
        },
      },
    );
    expect(await getPrisma().historyTailBatch.count()).toBeGreaterThan(0);
    expect(
      (
        await graphql(
          `
            mutation {
              deleteAccount(confirmUsername: "zoe")
            }
          `,
          {},
          zoe.session,
        )
      ).data,
    ).toEqual({ deleteAccount: true });
    expect(await getPrisma().project.count({ where: { name: 'p' } })).toBe(0);
    expect(await getPrisma().historyChunk.count()).toBe(0);
    expect(await getPrisma().historyTailBatch.count()).toBe(0);
  });

  it('refuses to delete the last admin of a team, so no team is left without one', async () => {
    const yan = await createVerifiedUser('yan');
    const team = await graphql(
      `
        mutation {
          createTeam(input: { name: "yan-team", type: WORK, newOrganizationName: "Yan Org" }) {
            name
          }
        }
      `,
      {},
      yan.session,
    );
    expect(team.errors).toBeUndefined();
    const refused = await graphql(
      `
        mutation {
          deleteAccount(confirmUsername: "yan")
        }
      `,
      {},
      yan.session,
    );
    expect(refused.errors?.[0]?.message).toMatch(/only admin of yan-team/);
    expect(await getPrisma().user.count({ where: { username: 'yan' } })).toBe(1);
  });
});
