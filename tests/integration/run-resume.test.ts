import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const server = await startAppHttpServer();
let apiKey: string;

beforeAll(async () => {
  const rita = await createVerifiedUser('rita');
  apiKey = (
    await graphql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(name: "resume") { secret } }',
      {},
      rita.session,
    )
  ).data!.createApiKey.secret;
});

/** What the REST and GraphQL answers hold (each test reads the parts it expects). */
interface Answer {
  error: { code: string; message: string };
  errors: { message: string; extensions: { code: string } }[];
  data: { upsertRun: { id: string; state: string } };
}

/** One request to the app over real HTTP with the API key. */
async function post(url: string, body: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}

const upsert = (project: string, runId: string, body: Record<string, unknown>) =>
  post(`/api/v1/runs/rita/${project}/${runId}`, body);

const storedRun = (runId: string) => getPrisma().run.findFirst({ where: { runId } });

async function steps(runId: string) {
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId } });
  return (await getMetricsStore().readExact(run.id, 'loss', { limit: 100 })).map((p) => [
    p.step,
    p.value,
  ]);
}

async function consoleTexts(runId: string) {
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId } });
  const lines = await getPrisma().consoleLine.findMany({
    where: { runId: run.id },
    orderBy: { lineNo: 'asc' },
  });
  return lines.map((line) => [line.lineNo, line.text]);
}

describe('upsertRun resume modes (REST and GraphQL over HTTP)', () => {
  it('must: continues an existing run; a missing one is a 404 naming it, and nothing is created', async () => {
    const missingProject = await upsert('never-made', 'ghost', { resume: 'must' });
    expect(missingProject).toMatchObject({
      status: 404,
      body: {
        error: {
          message:
            'Run ghost does not exist in rita/never-made: resume "must" only continues an existing run',
        },
      },
    });
    expect(await getPrisma().project.findFirst({ where: { name: 'never-made' } })).toBeNull();

    expect((await upsert('rest', 'kept', {})).status).toBe(200);
    await post('/api/v1/runs/rita/rest/kept/stream', {
      history: { offset: 0, rows: [{ step: 0, values: { loss: 1 } }] },
      console: [{ lineNo: 0, text: 'hello', stream: 'stdout' }],
      finish: { exitCode: 1 },
    });
    const missing = await upsert('rest', 'absent', { resume: 'must', displayName: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/^Run absent does not exist in rita\/rest/);
    expect(await storedRun('absent')).toBeNull();

    const resumed = await upsert('rest', 'kept', { resume: 'must' });
    expect(resumed).toMatchObject({
      status: 200,
      body: { runId: 'kept', state: 'RUNNING', historyOffset: 1, lastStep: 0, consoleOffset: 1 },
    });
  });

  it('never: creates a new run; an existing id is a 409 naming it, and the run is left as it was', async () => {
    expect(await upsert('rest', 'fresh', { resume: 'never' })).toMatchObject({
      status: 200,
      body: { runId: 'fresh', state: 'RUNNING', historyOffset: 0, consoleOffset: 0 },
    });
    await post('/api/v1/runs/rita/rest/fresh/stream', { finish: { exitCode: 0 } });
    const again = await upsert('rest', 'fresh', { resume: 'never', displayName: 'changed' });
    expect(again).toMatchObject({
      status: 409,
      body: {
        error: {
          code: 'CONFLICT',
          message:
            'Run fresh already exists in rita/rest: resume "never" only starts a new run (choose another id, or resume "allow")',
        },
      },
    });
    expect(await storedRun('fresh')).toMatchObject({ state: 'FINISHED', displayName: 'fresh' });
  });

  it('allow and auto continue or create; an unknown mode is a 400 naming the field', async () => {
    const bad = await upsert('rest', 'odd', { resume: 'sometimes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid input: resume must be one of allow, must, never, auto',
    );
    expect(await storedRun('odd')).toBeNull();
    for (const resume of ['allow', 'auto']) {
      const created = await upsert('rest', `${resume}-run`, { resume });
      expect(created.body).toMatchObject({ runId: `${resume}-run`, historyOffset: 0 });
      await post(`/api/v1/runs/rita/rest/${resume}-run/stream`, {
        history: { offset: 0, rows: [{ step: 0, values: { loss: 1 } }] },
        finish: { exitCode: 0 },
      });
      const continued = await upsert('rest', `${resume}-run`, { resume });
      expect(continued.body).toMatchObject({ state: 'RUNNING', historyOffset: 1 });
    }
  });

  it('GraphQL upsertRun: the same modes with the same messages and codes', async () => {
    const mutation = `
      mutation ($input: UpsertRunInput!) {
        upsertRun(input: $input) { id state historyOffset consoleOffset }
      }`;
    const gql = (input: Record<string, unknown>) =>
      post('/api/graphql', {
        query: mutation,
        variables: { input: { entity: 'rita', project: 'gql', ...input } },
      }).then((r) => r.body);
    const missing = await gql({ id: 'nope', resume: 'must' });
    expect(missing.errors[0]).toMatchObject({
      message: 'Run nope does not exist in rita/gql: resume "must" only continues an existing run',
      extensions: { code: 'NOT_FOUND' },
    });
    const noId = await gql({ resume: 'must' });
    expect(noId.errors[0]).toMatchObject({
      message: 'resume "must" needs the id of the run to continue',
      extensions: { code: 'BAD_INPUT' },
    });
    expect((await gql({ id: 'g1', resume: 'never' })).data.upsertRun).toMatchObject({
      id: 'g1',
      state: 'RUNNING',
    });
    const exists = await gql({ id: 'g1', resume: 'never' });
    expect(exists.errors[0]).toMatchObject({
      message: expect.stringMatching(/^Run g1 already exists in rita\/gql: resume "never"/),
      extensions: { code: 'CONFLICT' },
    });
    expect((await gql({ id: 'g1', resume: 'must' })).data.upsertRun).toMatchObject({ id: 'g1' });
    // Without an id, "never" gets a new one.
    expect((await gql({ resume: 'never' })).data.upsertRun.id).toMatch(/^[a-z0-9]{8}$/);
  });
});

const sdkOptions = () => ({
  apiKey,
  baseUrl: server.url,
  project: 'ts-resume',
  finishOnExit: false,
  captureConsole: false,
  flushIntervalMs: 50,
});

describe('TypeScript SDK resume modes', () => {
  it('must and never fail init with the server’s message; allow continues', async () => {
    await expect(init({ ...sdkOptions(), id: 'ts-missing', resume: 'must' })).rejects.toThrow(
      '404: Run ts-missing does not exist in rita/ts-resume: resume "must" only continues an existing run',
    );
    expect(await storedRun('ts-missing')).toBeNull();
    const first = await init({ ...sdkOptions(), id: 'ts-once', resume: 'never' });
    first.log({ loss: 1 });
    expect(await first.finish()).toBe(true);
    await expect(init({ ...sdkOptions(), id: 'ts-once', resume: 'never' })).rejects.toThrow(
      /^409: Run ts-once already exists in rita\/ts-resume: resume "never"/,
    );
    expect(await storedRun('ts-once')).toMatchObject({ state: 'FINISHED' });
    const again = await init({ ...sdkOptions(), id: 'ts-once', resume: 'must' });
    again.log({ loss: 2 });
    expect(await again.finish()).toBe(true);
    expect(await steps('ts-once')).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('sextant run --resume passes the mode on: a refused start ends with the server’s message', async () => {
    const result = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(
        'node_modules/.bin/tsx',
        [
          'sdk/src/cli.ts',
          'run',
          '-p',
          'ts-resume',
          '--id',
          'ts-once',
          '--resume',
          'never',
          '--',
          'true',
        ],
        {
          env: {
            PATH: process.env.PATH,
            HOME: os.tmpdir(),
            SEXTANT_API_KEY: apiKey,
            SEXTANT_BASE_URL: server.url,
          } as unknown as NodeJS.ProcessEnv,
        },
      );
      let err = '';
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (code) => resolve({ code, err }));
    });
    expect(result.err).toContain('409: Run ts-once already exists in rita/ts-resume');
    expect(result.code).toBe(1);
  });

  it('auto continues the last run started in the folder until it finishes cleanly; the console log continues', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-resume-'));
    const options = { ...sdkOptions(), dir, resume: 'auto' as const, captureConsole: true };
    const first = await init(options);
    first.log({ loss: 1 });
    first.log({ loss: 2 });
    process.stdout.write('first session\n');
    expect(await first.finish(1)).toBe(true);
    const file = path.join(dir, 'resume-ts-resume.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      format: 1,
      runId: first.id,
      entity: 'rita',
      project: 'ts-resume',
    });

    const second = await init(options);
    expect(second.id).toBe(first.id);
    second.log({ loss: 3 });
    process.stdout.write('second session\n');
    expect(await second.finish(0)).toBe(true);
    expect(await steps(first.id)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(await consoleTexts(first.id)).toEqual([
      [0, 'first session'],
      [1, 'second session'],
    ]);
    // Finished cleanly: the next start is a new run.
    expect(await readdir(dir)).not.toContain('resume-ts-resume.json');
    const third = await init(options);
    expect(third.id).not.toBe(first.id);
    expect(await third.finish()).toBe(true);
  });
});

/** Runs a Python script with the machine's python3 and the client from sdk/python. */
function python(script: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; signal: string | null; out: string; err: string }>(
    (resolve) => {
      const child = spawn('python3', ['-c', script], {
        env: {
          PATH: process.env.PATH,
          PYTHONPATH: path.resolve('sdk/python'),
          SEXTANT_API_KEY: apiKey,
          SEXTANT_BASE_URL: server.url,
          ...env,
        } as unknown as NodeJS.ProcessEnv,
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
    },
  );
}

describe('Python client resume modes', () => {
  it('must and never raise sextant.Error with the server’s message; allow continues', async () => {
    const result = await python(`
import sextant
for mode, run_id in (("must", "py-missing"), ("never", "py-once"), ("never", "py-once")):
    try:
        run = sextant.init(project="py-resume", id=run_id, resume=mode)
        run.log({"loss": 1})
        assert sextant.finish()
        print("started", run_id)
    except sextant.Error as error:
        print("refused", error)
run = sextant.init(project="py-resume", id="py-once", resume="allow")
run.log({"loss": 2})
assert sextant.finish()
`);
    expect(result.code, result.err).toBe(0);
    expect(result.out.trim().split('\n')).toEqual([
      'refused sextant: cannot start run py-missing: 404: Run py-missing does not exist in rita/py-resume: resume "must" only continues an existing run',
      'started py-once',
      'refused sextant: cannot start run py-once: 409: Run py-once already exists in rita/py-resume: resume "never" only starts a new run (choose another id, or resume "allow")',
    ]);
    expect(await storedRun('py-missing')).toBeNull();
    expect(await steps('py-once')).toEqual([
      [0, 1],
      [1, 2],
    ]);
    const bad = await python('import sextant\nsextant.init(project="p", resume="sometimes")');
    expect(bad.err).toMatch(/ValueError: sextant: resume must be allow, must, never or auto/);
  });

  it('auto: a killed program is continued by the next start in the same folder (also a TypeScript run)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sextant-py-resume-'));
    const killed = await python(
      `
import os, signal, time, sextant
run = sextant.init(project="py-resume", resume="auto")
print("run", run.id, flush=True)
run.log({"loss": 1})
run.log({"loss": 2})
while run.pending_rows or len(run._console):
    time.sleep(0.02)
os.kill(os.getpid(), signal.SIGKILL)
`,
      { SEXTANT_DIR: dir },
    );
    expect(killed.signal).toBe('SIGKILL');
    const runId = killed.out.match(/^run (\S+)$/m)![1]!;
    expect(await storedRun(runId)).toMatchObject({ state: 'RUNNING' });

    const continued = await python(
      `
import sextant
run = sextant.init(project="py-resume", resume="auto")
print("run", run.id)
run.log({"loss": 3})
assert sextant.finish()
`,
      { SEXTANT_DIR: dir },
    );
    expect(continued.code, continued.err).toBe(0);
    expect(continued.out).toBe(`run ${runId}\n`);
    expect(await steps(runId)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(await consoleTexts(runId)).toEqual([
      [0, `run ${runId}`],
      [1, `run ${runId}`],
    ]);
    expect(await storedRun(runId)).toMatchObject({ state: 'FINISHED' });

    // Finished cleanly: a new run next time.
    const fresh = await python(
      'import sextant\nrun = sextant.init(project="py-resume", resume="auto")\nprint(run.id)\nsextant.finish()',
      { SEXTANT_DIR: dir },
    );
    expect(fresh.out.trim()).not.toBe(runId);
    expect(fresh.out.trim()).toMatch(/^\w{8}$/);

    // The same resume file for both clients: Python continues a failed TypeScript run.
    const ts = await init({ ...sdkOptions(), project: 'py-resume', dir, resume: 'auto' });
    ts.log({ loss: 10 });
    expect(await ts.finish(1)).toBe(true);
    const fromPython = await python(
      'import sextant\nrun = sextant.init(project="py-resume", resume="auto")\nprint(run.id)\nrun.log({"loss": 11})\nsextant.finish()',
      { SEXTANT_DIR: dir },
    );
    expect(fromPython.out.trim()).toBe(ts.id);
    expect(await steps(ts.id)).toEqual([
      [0, 10],
      [1, 11],
    ]);
  });
});
