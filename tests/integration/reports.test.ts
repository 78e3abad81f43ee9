import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, sessionCookie, type As, type GraphQLResponse } from '../helpers/graphql';
import { addMember, createTeamVia, errorCode, expectOk, insertUser } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
const { getPrisma } = await import('@/lib/db/prisma');

/**
 * Reports through the GraphQL API, cell by cell of PERMISSIONS.md "Reports": view (all roles),
 * create (member, admin), edit/delete (member own, admin all), and "view-only members can also
 * follow and comment". Private project "vision" and public project "gallery" of team "lab".
 * Every refusal is checked to have changed nothing.
 */

type Who = 'anonymous' | 'outsider' | 'viewOnly' | 'member' | 'otherMember' | 'admin';
const as = {} as Record<Who, As>;
const team = 'lab';
const privateProject = 'vision';
const publicProject = 'gallery';

const reportFields = `id title description body author
  panels { id runIds yKeys xAxis logY smoothing }
  viewerCan { edit delete comment follow }
  followerCount viewerIsFollowing
  comments { id body author viewerCanDelete }`;

interface ReportData {
  id: string;
  title: string;
  description: string;
  body: string;
  author: string | null;
  panels: { id: string; runIds: string[]; yKeys: string[]; xAxis: string }[];
  viewerCan: { edit: boolean; delete: boolean; comment: boolean; follow: boolean };
  followerCount: number;
  viewerIsFollowing: boolean;
  comments: { id: string; body: string; author: string | null; viewerCanDelete: boolean }[];
}

const listReports = (who: Who, project: string) =>
  graphql<{ project: { reports: ReportData[] } }>(
    `query ($entity: String!, $project: String!) {
      project(entity: $entity, name: $project) { reports { ${reportFields} } }
    }`,
    { entity: team, project },
    as[who],
  );

const readReport = (who: Who, project: string, id: string) =>
  graphql<{ report: ReportData }>(
    `query ($entity: String!, $project: String!, $id: ID!) {
      report(entity: $entity, project: $project, id: $id) { ${reportFields} }
    }`,
    { entity: team, project, id },
    as[who],
  );

const createReport = (who: Who, project: string, input: Record<string, unknown>) =>
  graphql<{ createReport: ReportData }>(
    `mutation ($entity: String!, $project: String!, $input: ReportInput!) {
      createReport(entity: $entity, project: $project, input: $input) { ${reportFields} }
    }`,
    { entity: team, project, input },
    as[who],
  );

const updateReport = (who: Who, project: string, id: string, input: Record<string, unknown>) =>
  graphql<{ updateReport: ReportData }>(
    `
      mutation ($entity: String!, $project: String!, $id: ID!, $input: ReportInput!) {
        updateReport(entity: $entity, project: $project, id: $id, input: $input) {
          id
          title
        }
      }
    `,
    { entity: team, project, id, input },
    as[who],
  );

const reportMutation = (
  name: 'deleteReport' | 'followReport' | 'unfollowReport',
  who: Who,
  project: string,
  id: string,
) =>
  graphql(
    `mutation ($entity: String!, $project: String!, $id: ID!) {
      ${name}(entity: $entity, project: $project, id: $id)
    }`,
    { entity: team, project, id },
    as[who],
  );

const addComment = (who: Who, project: string, id: string, body: string) =>
  graphql<{ addReportComment: { id: string; author: string } }>(
    `
      mutation ($entity: String!, $project: String!, $id: ID!, $body: String!) {
        addReportComment(entity: $entity, project: $project, id: $id, body: $body) {
          id
          author
        }
      }
    `,
    { entity: team, project, id, body },
    as[who],
  );

const deleteComment = (who: Who, project: string, commentId: string) =>
  graphql(
    `
      mutation ($entity: String!, $project: String!, $commentId: ID!) {
        deleteReportComment(entity: $entity, project: $project, commentId: $commentId)
      }
    `,
    { entity: team, project, commentId },
    as[who],
  );

const lossPanel = (runIds: string[]) => ({ id: 'p1', runIds, yKeys: ['loss'] });

/** A report written straight as `who` through the API (fixture for the edit/delete cells). */
async function reportBy(who: Who, project = privateProject, title = 'Fixture report') {
  return expectOk(await createReport(who, project, { title, body: '# Notes' })).createReport;
}

/** Every report table as one hash: a refused request must leave it as it was. */
async function fingerprint(): Promise<string> {
  const rows = await getPrisma().$queryRawUnsafe<{ hash: string }[]>(
    `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "Report" t
     UNION ALL
     SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "ReportComment" t
     UNION ALL
     SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "ReportFollow" t`,
  );
  return rows.map((row) => row.hash).join(',');
}

/** Runs `request`, expects exactly that error code and no change to any report table. */
async function expectRefused(request: () => Promise<GraphQLResponse>, code: string) {
  const before = await fingerprint();
  const response = await request();
  expect(response.errors?.map((error) => error.extensions?.code)).toEqual([code]);
  expect(await fingerprint()).toBe(before);
  return response;
}

async function sessionFor(username: string, role: 'MEMBER' | 'VIEW_ONLY') {
  const user = await insertUser(username);
  await addMember(team, user.id, role);
  return { session: await sessionCookie(user.id, user.sessionVersion, testAuthSecret) };
}

async function logRun(project: string, id: string) {
  expectOk(
    await graphql(
      `
        mutation ($project: String!, $id: String!) {
          upsertRun(input: { entity: "lab", project: $project, id: $id }) {
            id
          }
        }
      `,
      { project, id },
      as.admin,
    ),
  );
}

beforeAll(async () => {
  as.admin = (await createVerifiedUser('ada')).session;
  await createTeamVia(as.admin, team, { newOrganizationName: 'Lab org' });
  as.member = await sessionFor('mira', 'MEMBER');
  as.otherMember = await sessionFor('max', 'MEMBER');
  as.viewOnly = await sessionFor('vera', 'VIEW_ONLY');
  as.outsider = (await createVerifiedUser('otto')).session;
  as.anonymous = undefined;
  for (const [project, visibility] of [
    [privateProject, 'PRIVATE'],
    [publicProject, 'PUBLIC'],
  ] as const) {
    expectOk(
      await graphql(
        `
          mutation ($project: String!, $visibility: ProjectVisibility!) {
            createProject(entity: "lab", name: $project, visibility: $visibility) {
              name
            }
          }
        `,
        { project, visibility },
        as.admin,
      ),
    );
  }
  await logRun(privateProject, 'r1');
  await logRun(privateProject, 'r2');
  await logRun(publicProject, 'g1');
});

describe('creating reports', () => {
  it('lets a member write one with markdown and a panel of the project’s runs', async () => {
    const report = expectOk(
      await createReport('member', privateProject, {
        title: '  Learning-rate sweep  ',
        description: 'What we learnt',
        body: '## Findings\n\nWarm-up **helps**.',
        panels: [{ ...lossPanel(['r1', 'r2']), title: 'Loss', logY: true }],
      }),
    ).createReport;
    expect(report).toMatchObject({
      title: 'Learning-rate sweep',
      description: 'What we learnt',
      body: '## Findings\n\nWarm-up **helps**.',
      author: 'mira',
      panels: [{ id: 'p1', runIds: ['r1', 'r2'], yKeys: ['loss'], xAxis: '_step', logY: true }],
      viewerCan: { edit: true, delete: true, comment: true, follow: true },
      followerCount: 0,
      comments: [],
    });
    const stored = await getPrisma().report.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored.title).toBe('Learning-rate sweep');
  });

  it('lets an admin create one too', async () => {
    expect((await reportBy('admin')).author).toBe('ada');
  });

  it('refuses view-only members, outsiders and anonymous visitors, creating nothing', async () => {
    const input = { title: 'Not allowed' };
    await expectRefused(() => createReport('viewOnly', privateProject, input), 'FORBIDDEN');
    await expectRefused(() => createReport('viewOnly', publicProject, input), 'FORBIDDEN');
    await expectRefused(() => createReport('outsider', privateProject, input), 'NOT_FOUND');
    await expectRefused(() => createReport('outsider', publicProject, input), 'FORBIDDEN');
    await expectRefused(() => createReport('anonymous', privateProject, input), 'UNAUTHENTICATED');
    await expectRefused(() => createReport('anonymous', publicProject, input), 'UNAUTHENTICATED');
  });

  it('names the field and the reason for bad input, and stores nothing', async () => {
    const fieldsOf = async (input: Record<string, unknown>) =>
      (await expectRefused(() => createReport('member', privateProject, input), 'BAD_INPUT'))
        .errors?.[0]?.extensions?.fields;
    expect(await fieldsOf({ title: '   ' })).toEqual([{ field: 'title', message: 'is required' }]);
    expect(await fieldsOf({ title: 'x'.repeat(201) })).toEqual([
      { field: 'title', message: 'must be at most 200 characters' },
    ]);
    expect(await fieldsOf({ title: 'Big', body: 'é'.repeat(102_401) })).toEqual([
      { field: 'body', message: 'must be at most 200 kB' },
    ]);
    expect(
      await fieldsOf({ title: 'No metric', panels: [{ ...lossPanel(['r1']), yKeys: [] }] }),
    ).toEqual([{ field: 'panels.0.yKeys', message: 'pick a metric' }]);
    expect(await fieldsOf({ title: 'No runs', panels: [lossPanel([])] })).toEqual([
      { field: 'panels.0.runIds', message: 'pick at least one run' },
    ]);
    // A run of another project (the public one) is no run of this report's project.
    expect(await fieldsOf({ title: 'Foreign', panels: [lossPanel(['r1', 'g1'])] })).toEqual([
      { field: 'panels.0.runIds.1', message: '"g1" is not a run of this project' },
    ]);
  });

  it('accepts a body of exactly 200 kB', async () => {
    const report = expectOk(
      await createReport('member', privateProject, { title: 'Long', body: 'a'.repeat(204_800) }),
    ).createReport;
    expect(report.body).toHaveLength(204_800);
    expectOk(await reportMutation('deleteReport', 'member', privateProject, report.id));
  });
});

describe('viewing reports', () => {
  let privateReport: ReportData;
  let publicReport: ReportData;
  beforeAll(async () => {
    privateReport = await reportBy('member', privateProject, 'Private findings');
    publicReport = await reportBy('member', publicProject, 'Public findings');
  });

  const readers: Who[] = ['viewOnly', 'member', 'otherMember', 'admin'];
  for (const who of readers) {
    it(`lets ${who} read reports of the private project`, async () => {
      const listed = expectOk(await listReports(who, privateProject)).project.reports;
      expect(listed.map((r) => r.title)).toContain('Private findings');
      const read = expectOk(await readReport(who, privateProject, privateReport.id)).report;
      expect(read).toMatchObject({ title: 'Private findings', body: '# Notes', author: 'mira' });
    });
  }

  it('hides the private project’s reports from outsiders and anonymous visitors', async () => {
    expect(errorCode(await listReports('outsider', privateProject))).toBe('NOT_FOUND');
    expect(errorCode(await listReports('anonymous', privateProject))).toBe('NOT_FOUND');
    expect(errorCode(await readReport('outsider', privateProject, privateReport.id))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await readReport('anonymous', privateProject, privateReport.id))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('shows public reports to anyone, but only the team may comment or follow', async () => {
    for (const who of ['anonymous', 'outsider'] as const) {
      const read = expectOk(await readReport(who, publicProject, publicReport.id)).report;
      expect(read.title).toBe('Public findings');
      expect(read.viewerCan).toEqual({ edit: false, delete: false, comment: false, follow: false });
    }
    const forViewer = expectOk(await readReport('viewOnly', publicProject, publicReport.id)).report;
    expect(forViewer.viewerCan).toEqual({
      edit: false,
      delete: false,
      comment: true,
      follow: true,
    });
  });

  it('tells each role what it may do with someone else’s report', async () => {
    const flags = async (who: Who) =>
      expectOk(await readReport(who, privateProject, privateReport.id)).report.viewerCan;
    expect(await flags('member')).toEqual({
      edit: true,
      delete: true,
      comment: true,
      follow: true,
    });
    expect(await flags('otherMember')).toEqual({
      edit: false,
      delete: false,
      comment: true,
      follow: true,
    });
    expect(await flags('admin')).toEqual({ edit: true, delete: true, comment: true, follow: true });
    expect(await flags('viewOnly')).toEqual({
      edit: false,
      delete: false,
      comment: true,
      follow: true,
    });
  });

  it('does not find a report through another project’s URL', async () => {
    expect(errorCode(await readReport('admin', publicProject, privateReport.id))).toBe('NOT_FOUND');
  });
});

describe('editing and deleting reports', () => {
  it('lets a member edit their own report, changing only the fields given', async () => {
    const report = await reportBy('member');
    expectOk(
      await updateReport('member', privateProject, report.id, {
        title: 'Renamed',
        panels: [lossPanel(['r2'])],
      }),
    );
    const stored = await getPrisma().report.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored).toMatchObject({ title: 'Renamed', body: '# Notes' });
    expect(stored.panels).toMatchObject([{ runIds: ['r2'], yKeys: ['loss'] }]);
  });

  it('refuses a member editing or deleting another member’s report', async () => {
    const report = await reportBy('member');
    await expectRefused(
      () => updateReport('otherMember', privateProject, report.id, { title: 'Hijacked' }),
      'FORBIDDEN',
    );
    await expectRefused(
      () => reportMutation('deleteReport', 'otherMember', privateProject, report.id),
      'FORBIDDEN',
    );
  });

  it('refuses view-only members, outsiders and anonymous visitors', async () => {
    const report = await reportBy('member', publicProject);
    for (const [who, code] of [
      ['viewOnly', 'FORBIDDEN'],
      ['outsider', 'FORBIDDEN'],
      ['anonymous', 'UNAUTHENTICATED'],
    ] as const) {
      await expectRefused(
        () => updateReport(who, publicProject, report.id, { title: 'Nope' }),
        code,
      );
      await expectRefused(
        () => reportMutation('deleteReport', who, publicProject, report.id),
        code,
      );
    }
  });

  it('lets an admin edit and delete anyone’s report, comments included', async () => {
    const report = await reportBy('member');
    expectOk(await addComment('viewOnly', privateProject, report.id, 'Nice plot'));
    expectOk(await updateReport('admin', privateProject, report.id, { body: 'Edited by admin' }));
    expect((await getPrisma().report.findUniqueOrThrow({ where: { id: report.id } })).body).toBe(
      'Edited by admin',
    );
    expectOk(await reportMutation('deleteReport', 'admin', privateProject, report.id));
    expect(await getPrisma().report.count({ where: { id: report.id } })).toBe(0);
    expect(await getPrisma().reportComment.count({ where: { reportId: report.id } })).toBe(0);
  });

  it('lets a member delete their own report', async () => {
    const report = await reportBy('member');
    expectOk(await reportMutation('deleteReport', 'member', privateProject, report.id));
    expect(await getPrisma().report.count({ where: { id: report.id } })).toBe(0);
  });

  it('rejects an empty update and a bad panel without changing the report', async () => {
    const report = await reportBy('member');
    await expectRefused(() => updateReport('member', privateProject, report.id, {}), 'BAD_INPUT');
    const response = await expectRefused(
      () =>
        updateReport('member', privateProject, report.id, {
          title: 'Half applied?',
          panels: [lossPanel(['nope'])],
        }),
      'BAD_INPUT',
    );
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'panels.0.runIds.0', message: '"nope" is not a run of this project' },
    ]);
  });
});

describe('comments and follows', () => {
  let report: ReportData;
  beforeAll(async () => {
    report = await reportBy('member', publicProject, 'Discussed');
  });

  it('lets a view-only member comment and follow, and lists comments oldest first', async () => {
    const first = expectOk(
      await addComment('viewOnly', publicProject, report.id, 'First!'),
    ).addReportComment;
    expect(first.author).toBe('vera');
    expectOk(await addComment('member', publicProject, report.id, 'Thanks'));
    expectOk(await reportMutation('followReport', 'viewOnly', publicProject, report.id));
    // Following twice is still one follow.
    expectOk(await reportMutation('followReport', 'viewOnly', publicProject, report.id));
    const read = expectOk(await readReport('viewOnly', publicProject, report.id)).report;
    expect(read.comments.map((c) => [c.author, c.body, c.viewerCanDelete])).toEqual([
      ['vera', 'First!', true],
      ['mira', 'Thanks', false],
    ]);
    expect(read).toMatchObject({ followerCount: 1, viewerIsFollowing: true });
    expectOk(await reportMutation('unfollowReport', 'viewOnly', publicProject, report.id));
    expect(await getPrisma().reportFollow.count({ where: { reportId: report.id } })).toBe(0);
  });

  it('refuses comments and follows from outside the team, even on a public project', async () => {
    await expectRefused(() => addComment('outsider', publicProject, report.id, 'Hi'), 'FORBIDDEN');
    await expectRefused(
      () => addComment('anonymous', publicProject, report.id, 'Hi'),
      'UNAUTHENTICATED',
    );
    await expectRefused(
      () => reportMutation('followReport', 'outsider', publicProject, report.id),
      'FORBIDDEN',
    );
    await expectRefused(
      () => reportMutation('followReport', 'anonymous', publicProject, report.id),
      'UNAUTHENTICATED',
    );
  });

  it('rejects an empty comment', async () => {
    const response = await expectRefused(
      () => addComment('viewOnly', publicProject, report.id, '   '),
      'BAD_INPUT',
    );
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'body', message: 'is required' },
    ]);
  });

  it('lets authors and admins delete comments, nobody else', async () => {
    const mine = expectOk(
      await addComment('viewOnly', publicProject, report.id, 'Typo'),
    ).addReportComment;
    await expectRefused(() => deleteComment('member', publicProject, mine.id), 'FORBIDDEN');
    await expectRefused(() => deleteComment('outsider', publicProject, mine.id), 'FORBIDDEN');
    expectOk(await deleteComment('viewOnly', publicProject, mine.id));
    const other = expectOk(
      await addComment('member', publicProject, report.id, 'Off-topic'),
    ).addReportComment;
    expectOk(await deleteComment('admin', publicProject, other.id));
    expect(
      await getPrisma().reportComment.count({ where: { id: { in: [mine.id, other.id] } } }),
    ).toBe(0);
  });
});

describe('showcased reports on the team profile', () => {
  const showcase = (who: Who, reportIds: string[]) =>
    graphql(
      `
        mutation ($team: String!, $reportIds: [ID!]!) {
          setTeamReportShowcase(team: $team, reportIds: $reportIds)
        }
      `,
      { team, reportIds },
      as[who],
    );
  const showcased = async (who: Who) =>
    expectOk(
      await graphql<{ team: { showcasedReports: { title: string; project: string }[] } }>(
        `
          query ($team: String!) {
            team(name: $team) {
              showcasedReports {
                title
                project
              }
            }
          }
        `,
        { team },
        as[who],
      ),
    ).team.showcasedReports;

  it('shows the admins’ picks in order, each only to those who may view it', async () => {
    const hidden = await reportBy('member', privateProject, 'Team-only highlight');
    const open = await reportBy('member', publicProject, 'Public highlight');
    const before = await getPrisma().report.findUniqueOrThrow({ where: { id: hidden.id } });
    expectOk(await showcase('admin', [open.id, hidden.id]));
    expect(await showcased('viewOnly')).toEqual([
      { title: 'Public highlight', project: publicProject },
      { title: 'Team-only highlight', project: privateProject },
    ]);
    expect(await showcased('outsider')).toEqual([
      { title: 'Public highlight', project: publicProject },
    ]);
    // Showcasing is no edit of the report.
    const after = await getPrisma().report.findUniqueOrThrow({ where: { id: hidden.id } });
    expect(after.updatedAt).toEqual(before.updatedAt);

    expectOk(await showcase('admin', [hidden.id]));
    expect((await showcased('member')).map((r) => r.title)).toEqual(['Team-only highlight']);
  });

  it('refuses members, seven picks and reports of other teams', async () => {
    const report = await reportBy('member');
    await expectRefused(() => showcase('member', [report.id]), 'FORBIDDEN');
    await expectRefused(() => showcase('admin', Array(7).fill(report.id)), 'BAD_INPUT');
    const response = await expectRefused(() => showcase('admin', ['not-a-report']), 'BAD_INPUT');
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'reportIds.0', message: `is not a report of ${team}` },
    ]);
  });
});
