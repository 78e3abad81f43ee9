import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, type As } from '../helpers/graphql';
import { addMember, createTeamVia, errorCode, expectOk } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.LOG_LEVEL = 'silent';
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');

/**
 * The runs table through the real GraphQL endpoint: every filter kind, numeric vs text
 * sorting, page boundaries, group aggregates, bad specs, tenant isolation, and who may
 * tag, move and delete runs or create, change and delete projects.
 */

type User = Awaited<ReturnType<typeof createVerifiedUser>>;
let ada: User; // team admin
let mia: User; // member
let max: User; // member
let vic: User; // view-only
let otto: User; // outsider with a look-alike project of his own

interface Fixture {
  runId: string;
  name: string;
  by: () => User;
  state?: 'RUNNING' | 'FINISHED' | 'FAILED' | 'CRASHED';
  tags?: string[];
  group?: string | null;
  jobType?: string | null;
  notes?: string;
  config: Record<string, unknown>;
  summary: Record<string, unknown>;
  runtime: number;
}

// acc values 2, 9.5, 10, … sort differently as numbers and as text.
const fixtures: Fixture[] = [
  {
    runId: 'r01',
    name: 'alpha',
    by: () => mia,
    state: 'FINISHED',
    tags: ['base', 'cnn'],
    group: 'sweep-a',
    jobType: 'train',
    config: { lr: 0.1, batch: 32, optimizer: { name: 'adam', momentum: 0.9 } },
    summary: { acc: 10, 'val/loss': 0.5 },
    runtime: 100,
  },
  {
    runId: 'r02',
    name: 'bravo',
    by: () => mia,
    state: 'FAILED',
    tags: ['cnn'],
    group: 'sweep-a',
    jobType: 'train',
    config: { lr: 0.01, batch: 64, optimizer: { name: 'sgd', momentum: 0.5 } },
    summary: { acc: 2, 'val/loss': 0.9 },
    runtime: 50,
    notes: 'diverged after warmup',
  },
  {
    runId: 'r03',
    name: 'charlie',
    by: () => max,
    state: 'RUNNING',
    tags: ['rnn'],
    group: 'sweep-b',
    jobType: 'eval',
    config: { lr: 0.001, batch: 32, optimizer: { name: 'adam', momentum: 0.99 } },
    summary: { acc: 9.5 },
    runtime: 3600,
  },
  {
    runId: 'r04',
    name: 'delta',
    by: () => max,
    state: 'CRASHED',
    tags: [],
    group: null,
    jobType: null,
    config: { lr: 0.1, batch: 128, optimizer: { name: 'adamw', momentum: 0.9 } },
    summary: { acc: 7, 'val/loss': 'NaN' },
    runtime: 10,
  },
  {
    runId: 'r05',
    name: 'echo 100%_done',
    by: () => ada,
    state: 'FINISHED',
    tags: ['base'],
    group: 'sweep-b',
    jobType: 'train',
    config: { lr: 0.05, batch: 32, optimizer: { name: 'sgd', momentum: 0.0 } },
    summary: { acc: 8.25, 'val/loss': 0.7 },
    runtime: 200,
  },
  {
    runId: 'r06',
    name: 'foxtrot',
    by: () => ada,
    state: 'FINISHED',
    tags: ['cnn', 'final'],
    group: 'sweep-a',
    jobType: 'train',
    config: { lr: 0.2, batch: 64, optimizer: { name: 'adam', momentum: 0.8 } },
    summary: { acc: 11, 'val/loss': 0.3 },
    runtime: 400,
  },
];

const vision = { entity: 'lab', project: 'vision' };
let visionId = '';
const internalIds = new Map<string, string>();

async function insertRuns(projectId: string, list: Fixture[], base: number) {
  for (const [index, f] of list.entries()) {
    const created = new Date(base + index * 60_000);
    const run = await getPrisma().run.create({
      data: {
        projectId,
        runId: f.runId,
        displayName: f.name,
        createdById: f.by().user.id,
        state: f.state ?? 'FINISHED',
        tags: f.tags ?? [],
        group: f.group ?? null,
        jobType: f.jobType ?? null,
        notes: f.notes ?? '',
        host: 'gpu-box',
        config: f.config as object,
        summary: f.summary as object,
        createdAt: created,
        startedAt: created,
        heartbeatAt: new Date(created.getTime() + f.runtime * 1000),
        finishedAt: f.state === 'RUNNING' ? null : new Date(created.getTime() + f.runtime * 1000),
      },
    });
    internalIds.set(`${projectId}/${f.runId}`, run.id);
  }
}

const tableQuery = `query ($entity: String!, $project: String!, $query: RunsTableQueryInput) {
  runsTable(entity: $entity, project: $project, query: $query) {
    totalCount offset canEdit canEditWorkspace
    rows { author runtimeSeconds canDelete canMove run { id displayName tags state config summary host } }
    groups { value count min max mean }
  }
}`;

interface TablePage {
  totalCount: number;
  offset: number;
  canEdit: boolean;
  canEditWorkspace: boolean;
  rows: {
    author: string | null;
    runtimeSeconds: number;
    canDelete: boolean;
    canMove: boolean;
    run: {
      id: string;
      displayName: string;
      tags: string[];
      state: string;
      summary: Record<string, unknown>;
      host: string | null;
    };
  }[];
  groups:
    | {
        value: unknown;
        count: number;
        min: number | null;
        max: number | null;
        mean: number | null;
      }[]
    | null;
}

/** Undefined would pick the default: anonymous requests say so. */
const anonymous = 'anonymous' as const;

async function table(
  query: Record<string, unknown>,
  as: As | typeof anonymous = mia.session,
  target = vision,
) {
  return graphql<{ runsTable: TablePage }>(
    tableQuery,
    { ...target, query },
    as === anonymous ? undefined : as,
  );
}

async function ids(query: Record<string, unknown>, as: As = mia.session): Promise<string[]> {
  const page = expectOk(await table(query, as)).runsTable;
  return page.rows.map((row) => row.run.id);
}

const f = (key: string, op: string, value?: unknown, values?: unknown[]) => ({
  key,
  op,
  value,
  values,
});

beforeAll(async () => {
  await createVerifiedUser('sysop'); // the first user is the system admin; keep the others plain
  ada = await createVerifiedUser('ada');
  await createTeamVia(ada.session, 'lab', { newOrganizationName: 'Lab Org' });
  [mia, max, vic, otto] = await Promise.all([
    createVerifiedUser('mia'),
    createVerifiedUser('max'),
    createVerifiedUser('vic'),
    createVerifiedUser('otto'),
  ]);
  await addMember('lab', mia.user.id, 'MEMBER');
  await addMember('lab', max.user.id, 'MEMBER');
  await addMember('lab', vic.user.id, 'VIEW_ONLY');
  const prisma = getPrisma();
  const lab = await prisma.entity.findUniqueOrThrow({ where: { name: 'lab' } });
  const project = await prisma.project.create({
    data: { entityId: lab.id, name: 'vision', visibility: 'TEAM', createdById: ada.user.id },
  });
  visionId = project.id;
  await insertRuns(project.id, fixtures, Date.UTC(2026, 0, 1));
  // Otto's own project with the same name and runs that would match every filter.
  const ottoEntity = await prisma.entity.findUniqueOrThrow({ where: { name: 'otto' } });
  const ottoProject = await prisma.project.create({
    data: {
      entityId: ottoEntity.id,
      name: 'vision',
      visibility: 'PUBLIC',
      createdById: otto.user.id,
    },
  });
  await insertRuns(
    ottoProject.id,
    fixtures.map((fx) => ({
      ...fx,
      runId: `o-${fx.runId}`,
      name: `otto ${fx.name}`,
      by: () => otto,
    })),
    Date.UTC(2026, 0, 2),
  );
});

describe('filters', () => {
  it('filters by state, tags, author, group and job type', async () => {
    expect(await ids({ filters: [f('state', 'IN', null, ['FAILED', 'CRASHED'])] })).toEqual([
      'r04',
      'r02',
    ]);
    expect(await ids({ filters: [f('state', 'NE', 'FINISHED')] })).toEqual(['r04', 'r03', 'r02']);
    expect(await ids({ filters: [f('tags', 'EQ', 'cnn')] })).toEqual(['r06', 'r02', 'r01']);
    expect(await ids({ filters: [f('tags', 'IN', null, ['rnn', 'final'])] })).toEqual([
      'r06',
      'r03',
    ]);
    expect(await ids({ filters: [f('tags', 'NOT_IN', null, ['cnn', 'base'])] })).toEqual([
      'r04',
      'r03',
    ]);
    expect(await ids({ filters: [f('tags', 'NOT_EXISTS')] })).toEqual(['r04']);
    expect(await ids({ filters: [f('author', 'IN', null, ['max'])] })).toEqual(['r04', 'r03']);
    expect(await ids({ filters: [f('group', 'EQ', 'sweep-b')] })).toEqual(['r05', 'r03']);
    expect(await ids({ filters: [f('group', 'NOT_EXISTS')] })).toEqual(['r04']);
    expect(await ids({ filters: [f('jobType', 'EQ', 'eval')] })).toEqual(['r03']);
    expect(await ids({ filters: [f('name', 'CONTAINS', 'LT')] })).toEqual(['r04']);
  });

  it('compares config and summary values as numbers, nested keys included', async () => {
    expect(await ids({ filters: [f('config.lr', 'GTE', 0.1)] })).toEqual(['r06', 'r04', 'r01']);
    expect(await ids({ filters: [f('config.lr', 'LT', 0.05)] })).toEqual(['r03', 'r02']);
    expect(await ids({ filters: [f('config.lr', 'LTE', 0.05)] })).toEqual(['r05', 'r03', 'r02']);
    expect(await ids({ filters: [f('summary.acc', 'GT', 9.5)] })).toEqual(['r06', 'r01']);
    // 1e1 is 10: equality is numeric, not textual.
    expect(await ids({ filters: [f('summary.acc', 'EQ', 1e1)] })).toEqual(['r01']);
    expect(await ids({ filters: [f('config.optimizer.momentum', 'EQ', 0.9)] })).toEqual([
      'r04',
      'r01',
    ]);
    expect(await ids({ filters: [f('config.batch', 'NE', 32)] })).toEqual(['r06', 'r04', 'r02']);
    // Both bounds at once (AND), on a key with a slash.
    expect(
      await ids({ filters: [f('summary.val/loss', 'GT', 0.4), f('summary.val/loss', 'LT', 0.8)] }),
    ).toEqual(['r05', 'r01']);
  });

  it('matches text values exactly, by substring (case-insensitive, wildcards literal) and by presence', async () => {
    expect(await ids({ filters: [f('config.optimizer.name', 'EQ', 'adam')] })).toEqual([
      'r06',
      'r03',
      'r01',
    ]);
    expect(await ids({ filters: [f('config.optimizer.name', 'CONTAINS', 'ADAM')] })).toEqual([
      'r06',
      'r04',
      'r03',
      'r01',
    ]);
    expect(
      await ids({ filters: [f('config.optimizer.name', 'IN', null, ['sgd', 'adamw'])] }),
    ).toEqual(['r05', 'r04', 'r02']);
    expect(await ids({ filters: [f('summary.val/loss', 'NOT_EXISTS')] })).toEqual(['r03']);
    expect(await ids({ filters: [f('summary.val/loss', 'EXISTS')] })).toHaveLength(5);
    // % and _ are literal characters, not patterns.
    expect(await ids({ search: '100%_' })).toEqual(['r05']);
  });

  it('filters by creation time and runtime', async () => {
    expect(
      await ids({
        filters: [f('createdAt', 'GT', new Date(Date.UTC(2026, 0, 1, 0, 3)).toISOString())],
      }),
    ).toEqual(['r06', 'r05']);
    expect(await ids({ filters: [f('runtime', 'GTE', 200)] })).toEqual(['r06', 'r05', 'r03']);
  });

  it('searches names, notes and tags', async () => {
    expect(await ids({ search: 'warmup' })).toEqual(['r02']);
    expect(await ids({ search: 'final' })).toEqual(['r06']);
    expect(await ids({ search: 'CHAR' })).toEqual(['r03']);
    expect(await ids({ search: 'nothing like this' })).toEqual([]);
  });
});

describe('sorting and pages', () => {
  it('sorts numbers numerically and text lexicographically, missing values last', async () => {
    expect(await ids({ sort: [{ key: 'summary.acc', desc: false }] })).toEqual([
      'r02', // 2
      'r04', // 7
      'r05', // 8.25
      'r03', // 9.5
      'r01', // 10
      'r06', // 11
    ]);
    expect(await ids({ sort: [{ key: 'config.optimizer.name', desc: false }] })).toEqual([
      'r06', // adam (ties: newest first)
      'r03',
      'r01',
      'r04', // adamw
      'r05', // sgd
      'r02',
    ]);
    const byLoss = await ids({ sort: [{ key: 'summary.val/loss', desc: true }] });
    // Numbers first (descending), then the text value, then the run without one.
    expect(byLoss).toEqual(['r02', 'r05', 'r01', 'r06', 'r04', 'r03']);
    expect(await ids({ sort: [{ key: 'runtime', desc: true }] })).toEqual([
      'r03',
      'r06',
      'r05',
      'r01',
      'r02',
      'r04',
    ]);
    expect(await ids({ sort: [{ key: 'name', desc: false }], first: 2 })).toEqual(['r01', 'r02']);
  });

  it('pages without gaps or overlaps, and knows the total past the last page', async () => {
    const sort = [{ key: 'config.batch', desc: false }];
    const all = await ids({ sort });
    const pages = [
      ...(await ids({ sort, first: 4, offset: 0 })),
      ...(await ids({ sort, first: 4, offset: 4 })),
    ];
    expect(pages).toEqual(all);
    const last = expectOk(await table({ sort, first: 4, offset: 4 })).runsTable;
    expect(last.rows).toHaveLength(2);
    expect(last.totalCount).toBe(6);
    const beyond = expectOk(await table({ first: 4, offset: 100 })).runsTable;
    expect(beyond).toMatchObject({ rows: [], totalCount: 6, offset: 100 });
    const filtered = expectOk(
      await table({ filters: [f('tags', 'EQ', 'cnn')], first: 1 }),
    ).runsTable;
    expect(filtered.totalCount).toBe(3);
    expect(filtered.rows).toHaveLength(1);
  });

  it('returns author, runtime and the per-run permissions', async () => {
    const page = expectOk(await table({ sort: [{ key: 'runId', desc: false }] })).runsTable;
    const alpha = page.rows[0]!;
    expect(alpha).toMatchObject({
      author: 'mia',
      runtimeSeconds: 100,
      canDelete: true,
      canMove: true,
    });
    const charlie = page.rows[2]!;
    expect(charlie).toMatchObject({ author: 'max', canDelete: false, canMove: false });
    expect(page).toMatchObject({ canEdit: true, canEditWorkspace: true });
    const asViewer = expectOk(await table({}, vic.session)).runsTable;
    expect(asViewer).toMatchObject({ canEdit: false, canEditWorkspace: false });
    expect(asViewer.rows.every((row) => !row.canDelete && !row.canMove)).toBe(true);
  });
});

describe('grouping', () => {
  it('counts each group and aggregates a numeric column', async () => {
    const page = expectOk(
      await table({ groupBy: 'config.optimizer.name', aggregate: 'summary.acc' }),
    ).runsTable;
    expect(page.groups).toEqual([
      { value: 'adam', count: 3, min: 9.5, max: 11, mean: expect.closeTo((10 + 9.5 + 11) / 3) },
      { value: 'sgd', count: 2, min: 2, max: 8.25, mean: expect.closeTo((2 + 8.25) / 2) },
      { value: 'adamw', count: 1, min: 7, max: 7, mean: 7 },
    ]);
  });

  it('groups by group with a bucket for runs without one, respecting filters', async () => {
    const page = expectOk(
      await table({
        groupBy: 'group',
        aggregate: 'runtime',
        filters: [f('state', 'NE', 'FAILED')],
      }),
    ).runsTable;
    expect(page.groups).toEqual([
      { value: 'sweep-a', count: 2, min: 100, max: 400, mean: 250 },
      { value: 'sweep-b', count: 2, min: 200, max: 3600, mean: 1900 },
      { value: null, count: 1, min: 10, max: 10, mean: 10 },
    ]);
    const numeric = expectOk(await table({ groupBy: 'config.batch' })).runsTable;
    expect(numeric.groups?.map((g) => [g.value, g.count, g.mean])).toEqual([
      [32, 3, null],
      [64, 2, null],
      [128, 1, null],
    ]);
  });
});

describe('bad specs', () => {
  const problem = async (query: Record<string, unknown>) => {
    const result = await table(query);
    expect(errorCode(result)).toBe('BAD_INPUT');
    return result.errors![0]!.extensions!.fields![0]!;
  };

  it('names the field and the reason', async () => {
    expect(await problem({ filters: [f('config.', 'EQ', 1)] })).toMatchObject({
      field: 'filters.0.key',
    });
    expect(
      await problem({ filters: [f('state', 'IN', null, ['FINISHED']), f('tags', 'LT', 'a')] }),
    ).toMatchObject({
      field: 'filters.1.op',
      message: expect.stringContaining('lt does not apply to tags'),
    });
    expect(await problem({ filters: [f('summary.acc', 'GT', 'high')] })).toMatchObject({
      field: 'filters.0.value',
      message: expect.stringContaining('must be a number'),
    });
    expect(await problem({ filters: [f('state', 'EQ', 'DONE')] })).toMatchObject({
      field: 'filters.0.value',
    });
    expect(await problem({ filters: [f('config.lr', 'IN', null, [])] })).toMatchObject({
      field: 'filters.0.values',
    });
    expect(await problem({ sort: [{ key: 'password', desc: false }] })).toMatchObject({
      field: 'sort.0.key',
    });
    expect(await problem({ groupBy: 'notes' })).toMatchObject({ field: 'groupBy' });
    expect(await problem({ groupBy: 'group', aggregate: 'name' })).toMatchObject({
      field: 'aggregate',
    });
    expect(await problem({ first: 0 })).toMatchObject({ field: 'first' });
    expect(await problem({ first: 201 })).toMatchObject({ field: 'first' });
    expect(await problem({ offset: -1 })).toMatchObject({ field: 'offset' });
  });

  it('treats quotes and SQL in keys and values as plain data', async () => {
    const hostile = `x'); DROP TABLE "Run"; --`;
    expect(await ids({ filters: [f(`config.${hostile}`, 'EQ', hostile)] })).toEqual([]);
    expect(
      await ids({ search: hostile, sort: [{ key: `summary.${hostile}`, desc: true }] }),
    ).toEqual([]);
    expect(await getPrisma().run.count({ where: { projectId: visionId } })).toBe(6);
  });
});

describe('tenants and visibility', () => {
  it("never shows another entity's runs, and hides a team project from outsiders", async () => {
    const everything = await ids({ first: 200 });
    expect(everything).toHaveLength(6);
    expect(everything.some((id) => id.startsWith('o-'))).toBe(false);
    const outsider = await table({}, otto.session);
    expect(errorCode(outsider)).toBe('NOT_FOUND');
    const fromNobody = await table({}, anonymous);
    expect(errorCode(fromNobody)).toBe('NOT_FOUND');
    const keys = await graphql(
      `
        {
          runColumnKeys(entity: "lab", project: "vision") {
            key
          }
        }
      `,
      {},
      otto.session,
    );
    expect(errorCode(keys)).toBe('NOT_FOUND');
  });

  it("shows a public project's runs to anyone, read-only", async () => {
    const page = expectOk(
      await table({}, anonymous, { entity: 'otto', project: 'vision' }),
    ).runsTable;
    expect(page.totalCount).toBe(6);
    expect(page.rows.every((row) => row.run.id.startsWith('o-') && !row.canDelete)).toBe(true);
    // Where a run ran stays private even when the project is public.
    expect(page.rows.every((row) => row.run.host === null)).toBe(true);
    const asOwner = expectOk(await table({}, otto.session, { entity: 'otto', project: 'vision' }));
    expect(asOwner.runsTable.rows[0]!.run.host).toBe('gpu-box');
    expect(page.canEdit).toBe(false);
  });

  it('lists flattened config and summary keys with their kinds', async () => {
    const keys = expectOk(
      await graphql<{ runColumnKeys: { key: string; numeric: boolean; runCount: number }[] }>(
        `
          {
            runColumnKeys(entity: "lab", project: "vision") {
              key
              numeric
              runCount
            }
          }
        `,
        {},
        mia.session,
      ),
    ).runColumnKeys;
    expect(keys).toEqual([
      { key: 'config.batch', numeric: true, runCount: 6 },
      { key: 'config.lr', numeric: true, runCount: 6 },
      { key: 'config.optimizer.momentum', numeric: true, runCount: 6 },
      { key: 'config.optimizer.name', numeric: false, runCount: 6 },
      { key: 'summary.acc', numeric: true, runCount: 6 },
      { key: 'summary.val/loss', numeric: true, runCount: 5 },
    ]);
  });
});

describe('bulk actions', () => {
  const tag = (as: As, runIds: string[], add: string[], remove: string[] = []) =>
    graphql<{ tagRuns: { count: number } }>(
      `
        mutation ($runIds: [String!]!, $add: [String!], $remove: [String!]) {
          tagRuns(entity: "lab", project: "vision", runIds: $runIds, add: $add, remove: $remove) {
            count
          }
        }
      `,
      { runIds, add, remove },
      as,
    );
  const remove = (as: As, runIds: string[], project = 'vision') =>
    graphql<{ deleteRuns: { count: number } }>(
      `
        mutation ($runIds: [String!]!, $project: String!) {
          deleteRuns(entity: "lab", project: $project, runIds: $runIds) {
            count
          }
        }
      `,
      { runIds, project },
      as,
    );
  const move = (as: As, runIds: string[], toProject: string) =>
    graphql<{ moveRuns: { count: number } }>(
      `
        mutation ($runIds: [String!]!, $to: String!) {
          moveRuns(entity: "lab", project: "vision", runIds: $runIds, toProject: $to) {
            count
          }
        }
      `,
      { runIds, to: toProject },
      as,
    );
  const tagsOf = async (runId: string) =>
    (await getPrisma().run.findFirstOrThrow({ where: { projectId: visionId, runId } })).tags;

  it('tags runs of anyone for members, keeping the order, and refuses view-only members', async () => {
    const refused = await tag(vic.session, ['r01'], ['x']);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await tagsOf('r01')).toEqual(['base', 'cnn']);

    const done = expectOk(await tag(mia.session, ['r01', 'r03'], ['best', 'cnn'], ['base']));
    expect(done.tagRuns.count).toBe(2);
    expect(await tagsOf('r01')).toEqual(['cnn', 'best']);
    expect(await tagsOf('r03')).toEqual(['rnn', 'best', 'cnn']);
    const badTag = await tag(mia.session, ['r01'], ['']);
    expect(errorCode(badTag)).toBe('BAD_INPUT');
    const unknown = await tag(mia.session, ['r01', 'nope'], ['y']);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    expect(await tagsOf('r01')).toEqual(['cnn', 'best']);
  });

  it('lets a member delete only their own runs, with their history; one refusal changes nothing', async () => {
    const store = getMetricsStore();
    const own = internalIds.get(`${visionId}/r02`)!;
    await store.append(own, [
      { step: 0, values: { loss: 1 } },
      { step: 1, values: { loss: 0.5 } },
    ]);
    const refused = await remove(mia.session, ['r02', 'r03']);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('charlie');
    expect(
      await getPrisma().run.count({
        where: { projectId: visionId, runId: { in: ['r02', 'r03'] } },
      }),
    ).toBe(2);
    expect(await store.keys(own)).toEqual(['loss']);

    expect(errorCode(await remove(vic.session, ['r02']))).toBe('FORBIDDEN');
    expect(expectOk(await remove(mia.session, ['r02'])).deleteRuns.count).toBe(1);
    expect(await getPrisma().run.count({ where: { id: own } })).toBe(0);
    expect(await store.keys(own)).toEqual([]);
    const leftovers = await getPrisma().metric.count({ where: { runId: own } });
    expect(leftovers).toBe(0);
  });

  it('moves own runs to another project of the team, refusing clashes and other people’s runs', async () => {
    const prisma = getPrisma();
    const lab = await prisma.entity.findUniqueOrThrow({ where: { name: 'lab' } });
    const archive = await prisma.project.create({
      data: { entityId: lab.id, name: 'archive', createdById: ada.user.id },
    });
    await prisma.run.create({
      data: { projectId: archive.id, runId: 'r05', displayName: 'clash' },
    });

    expect(errorCode(await move(mia.session, ['r03'], 'archive'))).toBe('FORBIDDEN');
    expect(errorCode(await move(vic.session, ['r01'], 'archive'))).toBe('FORBIDDEN');
    expect(errorCode(await move(ada.session, ['r05', 'r06'], 'archive'))).toBe('CONFLICT');
    expect(errorCode(await move(mia.session, ['r01'], 'vision'))).toBe('BAD_INPUT');
    expect(errorCode(await move(mia.session, ['r01'], 'no-such-project'))).toBe('NOT_FOUND');

    expect(expectOk(await move(mia.session, ['r01'], 'archive')).moveRuns.count).toBe(1);
    const moved = await prisma.run.findFirstOrThrow({
      where: { runId: 'r01', projectId: archive.id },
    });
    expect(moved.id).toBe(internalIds.get(`${visionId}/r01`));
    // An admin may delete anyone's runs.
    expect(expectOk(await remove(ada.session, ['r01'], 'archive')).deleteRuns.count).toBe(1);
  });
});

describe('projects', () => {
  const create = (as: As, name: string, visibility?: string) =>
    graphql<{ createProject: { name: string; visibility: string } }>(
      `
        mutation ($name: String!, $visibility: ProjectVisibility) {
          createProject(entity: "lab", name: $name, description: "d", visibility: $visibility) {
            name
            visibility
          }
        }
      `,
      { name, visibility },
      as,
    );
  const update = (as: As, project: string, input: Record<string, unknown>) =>
    graphql<{ updateProject: { visibility: string; description: string } }>(
      `
        mutation ($project: String!, $description: String, $visibility: ProjectVisibility) {
          updateProject(
            entity: "lab"
            project: $project
            description: $description
            visibility: $visibility
          ) {
            visibility
            description
          }
        }
      `,
      { project, ...input },
      as,
    );

  it('creates projects for members, not view-only members or outsiders, with clear conflicts', async () => {
    expect(expectOk(await create(mia.session, 'mia-proj')).createProject).toEqual({
      name: 'mia-proj',
      visibility: 'TEAM',
    });
    expect(errorCode(await create(vic.session, 'vic-proj'))).toBe('FORBIDDEN');
    expect(errorCode(await create(otto.session, 'otto-proj'))).toBe('FORBIDDEN');
    const taken = await create(max.session, 'mia-proj');
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(taken.errors![0]!.extensions!.fields).toEqual([
      { field: 'name', message: 'is taken in this entity' },
    ]);
    expect(errorCode(await create(mia.session, 'a/b'))).toBe('BAD_INPUT');
  });

  it('lets the creator and admins change a project; others may not', async () => {
    expect(errorCode(await update(max.session, 'mia-proj', { visibility: 'PUBLIC' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      expectOk(await update(mia.session, 'mia-proj', { visibility: 'PUBLIC' })).updateProject,
    ).toEqual({
      visibility: 'PUBLIC',
      description: 'd',
    });
    expect(
      expectOk(await update(ada.session, 'mia-proj', { description: 'new' })).updateProject,
    ).toEqual({
      visibility: 'PUBLIC',
      description: 'new',
    });
  });

  it('enforces "force projects private" on create and on change', async () => {
    await getPrisma().team.update({ where: { name: 'lab' }, data: { forcePrivateProjects: true } });
    try {
      const refused = await create(ada.session, 'open-proj', 'OPEN');
      expect(errorCode(refused)).toBe('BAD_INPUT');
      expect(refused.errors![0]!.extensions!.fields![0]!.field).toBe('visibility');
      expect(expectOk(await create(ada.session, 'quiet-proj')).createProject.visibility).toBe(
        'PRIVATE',
      );
      const change = await update(ada.session, 'quiet-proj', { visibility: 'TEAM' });
      expect(errorCode(change)).toBe('BAD_INPUT');
      // Making a project private, or leaving a visibility as it is, stays possible.
      expect(
        expectOk(await update(ada.session, 'mia-proj', { visibility: 'PRIVATE' })).updateProject
          .visibility,
      ).toBe('PRIVATE');
      expect(await getPrisma().project.count({ where: { name: 'open-proj' } })).toBe(0);
    } finally {
      await getPrisma().team.update({
        where: { name: 'lab' },
        data: { forcePrivateProjects: false },
      });
    }
  });

  it('deletes a project with its runs and their history, for its creator or an admin', async () => {
    const prisma = getPrisma();
    const project = await prisma.project.findFirstOrThrow({ where: { name: 'mia-proj' } });
    const run = await prisma.run.create({
      data: { projectId: project.id, runId: 'z1', displayName: 'z1' },
    });
    await getMetricsStore().append(run.id, [{ step: 0, values: { loss: 1 } }]);
    const del = (as: As) =>
      graphql<{ deleteProject: { deletedRuns: number } }>(
        `
          mutation {
            deleteProject(entity: "lab", project: "mia-proj") {
              deletedRuns
            }
          }
        `,
        {},
        as,
      );
    expect(errorCode(await del(max.session))).toBe('FORBIDDEN');
    expect(errorCode(await del(vic.session))).toBe('FORBIDDEN');
    expect(expectOk(await del(mia.session)).deleteProject.deletedRuns).toBe(1);
    expect(await prisma.project.count({ where: { id: project.id } })).toBe(0);
    expect(await prisma.metric.count({ where: { runId: run.id } })).toBe(0);
  });
});
