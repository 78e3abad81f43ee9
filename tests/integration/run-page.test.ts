import { beforeAll, describe, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql, type As } from '../helpers/graphql';
import { addMember, apiKeyOf, createTeamVia, errorCode, expectOk } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { roleGrants } = await import('@/lib/permissions/team-grants');
const server = await startAppHttpServer();

type User = Awaited<ReturnType<typeof createVerifiedUser>>;
let admin: User;
let member: User;
let viewer: User;
let outsider: User;
let memberKey: As;
let viewerKey: As;
let outsiderKey: As;

/** Starts a run as `as` through the REST upsert, with where it ran. */
async function startRun(as: As, project: string, id: string) {
  const response = await fetch(`${server.url}/api/v1/runs/lab/${project}/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headersOf(as) },
    body: JSON.stringify({
      displayName: id,
      host: 'gpu-box-7',
      os: 'Linux-6.8',
      languageVersion: 'Python 3.12.1',
      command: 'python train.py --secret-flag',
    }),
  });
  expect(response.status).toBe(200);
}

function headersOf(as: As): Record<string, string> {
  if (as && 'authorization' in as) return { authorization: as.authorization };
  if (as && 'session' in as) return { cookie: as.session };
  return {};
}

beforeAll(async () => {
  admin = await createVerifiedUser('ada');
  member = await createVerifiedUser('moe');
  viewer = await createVerifiedUser('vic');
  outsider = await createVerifiedUser('ozzy');
  await createTeamVia(admin.session, 'lab', { newOrganizationName: 'Lab Org' });
  await addMember('lab', member.user.id, 'MEMBER');
  await addMember('lab', viewer.user.id, 'VIEW_ONLY');
  memberKey = await apiKeyOf(member.session);
  viewerKey = await apiKeyOf(viewer.session);
  outsiderKey = await apiKeyOf(outsider.session);
  const adminKey = await apiKeyOf(admin.session);
  await startRun(memberKey, 'p', 'mine');
  await startRun(adminKey, 'p', 'admins');
  await startRun(memberKey, 'open-book', 'shown');
  await getPrisma().project.updateMany({
    where: { name: 'open-book' },
    data: { visibility: 'PUBLIC' },
  });
});

describe('updateRun', () => {
  const update = (id: string, fields: string) => `mutation {
    updateRun(run: { entity: "lab", project: "p", id: "${id}" }, ${fields}) { displayName notes tags }
  }`;

  it('lets a member rename their own run and edit its notes and tags', async () => {
    const data = expectOk(
      await graphql(
        update(
          'mine',
          'displayName: "  Baseline v2 ", notes: "# Why\\nlr sweep", tags: ["a", "b", "a"]',
        ),
        {},
        member.session,
      ),
    );
    expect(data).toEqual({
      updateRun: { displayName: 'Baseline v2', notes: '# Why\nlr sweep', tags: ['a', 'b'] },
    });
    // Fields left out keep their values.
    expectOk(await graphql(update('mine', 'tags: []'), {}, member.session));
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'mine' } });
    expect([run.displayName, run.notes, run.tags]).toEqual(['Baseline v2', '# Why\nlr sweep', []]);
  });

  it('follows the catalog for a member on someone else’s run', async () => {
    const result = await graphql(update('admins', 'notes: "by mo"'), {}, member.session);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'admins' } });
    if (roleGrants.MEMBER['run:edit'] === 'all') {
      expect(result.errors).toBeUndefined();
      expect(run.notes).toBe('by mo');
    } else {
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(run.notes).toBe('');
    }
  });

  it('refuses view-only members and outsiders, and lets admins edit any run', async () => {
    expect(errorCode(await graphql(update('mine', 'notes: "vi"'), {}, viewer.session))).toBe(
      'FORBIDDEN',
    );
    // An outsider cannot even see that the team's project exists.
    expect(errorCode(await graphql(update('mine', 'notes: "oz"'), {}, outsider.session))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await graphql(update('mine', 'notes: "anon"'), {}))).toBe('NOT_FOUND');
    expectOk(await graphql(update('mine', 'notes: "checked by ada"'), {}, admin.session));
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'mine' } });
    expect(run.notes).toBe('checked by ada');
  });

  it('names the field of bad input and changes nothing', async () => {
    const empty = await graphql(
      update('mine', 'displayName: "   ", notes: "x"'),
      {},
      admin.session,
    );
    expect(errorCode(empty)).toBe('BAD_INPUT');
    expect(empty.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'displayName', message: 'must not be empty' },
    ]);
    const tooMany = Array.from({ length: 101 }, (_, i) => `"t${i}"`).join(',');
    const tags = await graphql(update('mine', `tags: [${tooMany}]`), {}, admin.session);
    expect(tags.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('tags');
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'mine' } });
    expect(run.notes).toBe('checked by ada');
  });
});

describe('where a run ran', () => {
  const query = `{ run(entity: "lab", project: "open-book", id: "shown") {
    host os languageVersion command program
  } }`;

  it('is shown to the team and hidden from people who see the run only because it is public', async () => {
    expect(expectOk(await graphql(query, {}, viewer.session))).toEqual({
      run: {
        host: 'gpu-box-7',
        os: 'Linux-6.8',
        languageVersion: 'Python 3.12.1',
        command: 'python train.py --secret-flag',
        program: null,
      },
    });
    const hidden = { host: null, os: null, languageVersion: null, command: null, program: null };
    expect(expectOk(await graphql(query, {}, outsider.session))).toEqual({ run: hidden });
    expect(expectOk(await graphql(query, {}))).toEqual({ run: hidden });
  });
});

describe('model summary API', () => {
  const put = (as: As, body: unknown, run = 'mine') =>
    fetch(`${server.url}/api/v1/runs/lab/p/${run}/model`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headersOf(as) },
      body: JSON.stringify(body),
    });
  const readModel = async () =>
    expectOk(
      await graphql<{ run: { model: Record<string, unknown> } }>(
        `
          {
            run(entity: "lab", project: "p", id: "mine") {
              model {
                totalParameters
                trainableParameters
                layers {
                  position
                  name
                  type
                  parameterCount
                  trainable
                  outputShape
                }
              }
            }
          }
        `,
        {},
        viewer.session,
      ),
    ).run.model;

  const layers = [
    { name: 'embed', type: 'Embedding', parameterCount: 3_000_000_000, outputShape: [null, 128] },
    { name: 'encoder.0', type: 'TransformerBlock', parameterCount: 1_000, trainable: false },
    { name: 'head', type: 'Linear', parameterCount: 1_290, outputShape: '(None, 10)' },
  ];

  it('stores the layers in order with their totals', async () => {
    const response = await put(memberKey, { layers });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      layers: 3,
      totalParameters: 3_000_002_290,
      trainableParameters: 3_000_001_290,
    });
    expect(await readModel()).toEqual({
      totalParameters: 3_000_002_290,
      trainableParameters: 3_000_001_290,
      layers: [
        {
          position: 0,
          name: 'embed',
          type: 'Embedding',
          parameterCount: 3_000_000_000,
          trainable: null,
          outputShape: '[null,128]',
        },
        {
          position: 1,
          name: 'encoder.0',
          type: 'TransformerBlock',
          parameterCount: 1000,
          trainable: false,
          outputShape: null,
        },
        {
          position: 2,
          name: 'head',
          type: 'Linear',
          parameterCount: 1290,
          trainable: null,
          outputShape: '(None, 10)',
        },
      ],
    });
  });

  it('replaces the whole summary on every PUT', async () => {
    expect((await put(memberKey, { layers: [layers[2]] })).status).toBe(200);
    const model = await readModel();
    expect(model.layers).toEqual([expect.objectContaining({ position: 0, name: 'head' })]);
    expect(model.totalParameters).toBe(1290);
  });

  it('rejects bad summaries with the field and reason, keeping the stored one', async () => {
    const cases: [unknown, string, RegExp][] = [
      [
        { layers: Array.from({ length: 10_001 }, (_, i) => ({ ...layers[2], name: `l${i}` })) },
        'layers',
        /at most 10,000 layers/,
      ],
      [{ layers: [{ ...layers[2], name: 'x'.repeat(257) }] }, 'layers.0.name', /256 characters/],
      [{ layers: [layers[0], { ...layers[1], type: 'y'.repeat(257) }] }, 'layers.1.type', /256/],
      [{ layers: [{ ...layers[2], parameterCount: -1 }] }, 'layers.0.parameterCount', /negative/],
      [{ layers: [{ ...layers[2], parameterCount: 1.5 }] }, 'layers.0.parameterCount', /whole/],
      [{ layers: [{ ...layers[2], outputShape: 's'.repeat(300) }] }, 'layers.0.outputShape', /./],
      [{ layers: 'all of them' }, 'layers', /list of layers/],
    ];
    for (const [body, field, message] of cases) {
      const response = await put(memberKey, body);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as {
        error: { code: string; fields: { field: string; message: string }[] };
      };
      expect(error.code).toBe('BAD_INPUT');
      expect(error.fields[0]).toEqual({ field, message: expect.stringMatching(message) });
    }
    expect((await readModel()).layers).toEqual([expect.objectContaining({ name: 'head' })]);
  });

  it('accepts 10,000 layers, the limit', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      name: `block.${i}`,
      type: 'Linear',
      parameterCount: i,
    }));
    const response = await put(memberKey, { layers: many });
    expect(await response.json()).toMatchObject({ layers: 10_000, totalParameters: 49_995_000 });
    expect(await getPrisma().modelLayer.count()).toBe(10_000);
  });

  it('is authorised like logging: no key, view-only members, outsiders and unknown runs are refused', async () => {
    const before = await getPrisma().modelLayer.count();
    const one = { layers: [layers[2]] };
    expect((await put(undefined, one)).status).toBe(401);
    // View-only members have no API key access, and cannot log from the browser either.
    expect((await put(viewerKey, one)).status).toBe(403);
    expect((await put(viewer.session, one)).status).toBe(403);
    expect((await put(outsiderKey, one)).status).toBe(403);
    expect((await put(memberKey, one, 'no-such-run')).status).toBe(404);
    expect(await getPrisma().modelLayer.count()).toBe(before);
  });
});

describe('full log download', () => {
  const lineCount = 50_000;
  const textOf = (lineNo: number) => `\u001b[32mstep ${lineNo}\u001b[0m loss=${1 / (lineNo + 1)}`;

  beforeAll(async () => {
    const { ingestStream } = await import('@/lib/runs/ingest-stream');
    const { actorFromSession } = await import('@/lib/auth/load-actor');
    const actor = (await actorFromSession(member.user.id, member.user.sessionVersion))!;
    await startRun(memberKey, 'p', 'chatty');
    for (let first = 0; first < lineCount; first += 10_000) {
      await ingestStream(
        actor,
        { entity: 'lab', project: 'p', runId: 'chatty' },
        {
          console: Array.from({ length: 10_000 }, (_, i) => ({
            lineNo: first + i,
            text: textOf(first + i),
            stream: (first + i) % 7 === 0 ? 'stderr' : 'stdout',
          })),
        },
      );
    }
    // A progress bar redrawn with \r: the line is rewritten in place, later.
    await ingestStream(
      actor,
      { entity: 'lab', project: 'p', runId: 'chatty' },
      { console: [{ lineNo: 12_345, text: 'progress 100%' }] },
    );
  });

  const download = (as: As) =>
    fetch(`${server.url}/api/v1/runs/lab/p/chatty/logs`, { headers: headersOf(as) });

  it('streams every line in order, rewritten lines as their final text', async () => {
    const started = performance.now();
    const response = await download(viewer.session);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="chatty.log"');
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks++;
      text += decoder.decode(chunk, { stream: true });
    }
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(lineCount);
    for (let lineNo = 0; lineNo < lineCount; lineNo++) {
      const expected = lineNo === 12_345 ? 'progress 100%' : textOf(lineNo);
      if (lines[lineNo] !== expected) expect(lines[lineNo]).toBe(expected);
    }
    // Sent in batches as they are read, not as one body built in memory.
    expect(chunks).toBeGreaterThan(1);
    console.log(
      `log download: ${lineCount} lines, ${(text.length / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms, ${chunks} chunks`,
    );
  });

  it('is readable by whoever may view the run, and nobody else', async () => {
    expect((await download(memberKey)).status).toBe(200);
    expect((await download(viewer.session)).status).toBe(200);
    // Not found and not allowed look the same from outside.
    expect((await download(outsiderKey)).status).toBe(404);
    expect((await download(undefined)).status).toBe(404);
    const missing = await fetch(`${server.url}/api/v1/runs/lab/p/nope/logs`, {
      headers: headersOf(member.session),
    });
    expect(missing.status).toBe(404);
  });

  it('serves a public project’s log to anyone', async () => {
    const response = await fetch(`${server.url}/api/v1/runs/lab/open-book/shown/logs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
