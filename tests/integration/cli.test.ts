import { spawn } from 'node:child_process';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const server = await startAppHttpServer();
let apiKey: string;
let configHome: string;
let cleoSession: { session: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForRun(runId: string) {
  for (let i = 0; i < 100 && !(await getPrisma().run.findFirst({ where: { runId } })); i++)
    await sleep(100);
}

/** Stops a run as its owner would from the run page. */
async function stop(runId: string) {
  const stopped = await graphql(
    `
      mutation Stop($id: String!) {
        stopRun(run: { entity: "cleo", project: "wrapped", id: $id }) {
          state
        }
      }
    `,
    { id: runId },
    cleoSession,
  );
  expect(stopped.data).toEqual({ stopRun: { state: 'KILLED' } });
}

/** Runs the real CLI in a child process, with its own config folder. */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['sdk/src/cli.ts', ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: configHome,
        XDG_CONFIG_HOME: configHome,
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  const cleo = await createVerifiedUser('cleo');
  cleoSession = cleo.session;
  apiKey = (
    await graphql<{ createApiKey: { secret: string } }>(
      `
        mutation {
          createApiKey(name: "cli") {
            secret
          }
        }
      `,
      {},
      cleo.session,
    )
  ).data!.createApiKey.secret;
  configHome = await mkdtemp(path.join(os.tmpdir(), 'sextant-cli-'));
});

describe('sextant CLI', () => {
  it('logs in (key stored readable by the owner only) and says who you are', async () => {
    const login = await cli(['login', '--key', apiKey, '--host', server.url]);
    expect(login.stderr).toBe('');
    expect(login.stdout).toContain(`as cleo`);
    const file = path.join(configHome, 'sextant', 'credentials.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await cli(['whoami'])).stdout.trim()).toBe(`cleo on ${server.url}`);
    const wrong = await cli(['login', '--key', 'sxt_wrong', '--host', server.url]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Invalid or revoked API key/);
  });

  it('wraps a program: its output becomes the console log and its exit code the run state', async () => {
    const ok = await cli([
      'run',
      '--project',
      'wrapped',
      '--id',
      'ok-run',
      '--',
      'python3',
      '-c',
      'print("hello"); print("step 1\\rstep 2")',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('hello');
    const failing = await cli([
      'run',
      '--project',
      'wrapped',
      '--id',
      'bad-run',
      '--',
      'python3',
      '-c',
      'import sys; print("oops", file=sys.stderr); sys.exit(3)',
    ]);
    expect(failing.code).toBe(3);

    const runs = await getPrisma().run.findMany({
      where: { runId: { in: ['ok-run', 'bad-run'] } },
      include: { consoleLines: { orderBy: { lineNo: 'asc' } } },
    });
    const byId = Object.fromEntries(runs.map((run) => [run.runId, run]));
    expect(byId['ok-run']).toMatchObject({ state: 'FINISHED', exitCode: 0 });
    expect(byId['ok-run']!.consoleLines.map((l) => l.text)).toEqual(['hello', 'step 2']);
    expect(byId['bad-run']).toMatchObject({ state: 'FAILED', exitCode: 3 });
    expect(byId['bad-run']!.consoleLines).toEqual([
      expect.objectContaining({ text: 'oops', stream: 'stderr' }),
    ]);
  });

  it('passes the run to an SDK inside the program, which logs to the same run', async () => {
    const script = path.join(configHome, 'train.mts');
    const source = [
      `import { init } from '${path.resolve('sdk/src/index.ts')}';`,
      "const run = await init({ project: 'wrapped', finishOnExit: false });",
      'run.log({ loss: 0.5 }); run.log({ loss: 0.25 });',
      'await run.finish();',
      'console.log(run.id);',
    ].join('\n');
    await writeFile(script, source);
    const result = await cli(
      ['run', '--project', 'wrapped', '--id', 'nested', '--', 'node_modules/.bin/tsx', script],
      {
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('nested');
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'nested' } });
    expect(run).toMatchObject({ state: 'FINISHED', historyOffset: 2 });
    expect(run.summary).toMatchObject({ loss: 0.25 });
  });

  it('ends the wrapped program when the run is stopped from the API, and records it as killed', async () => {
    const running = cli(
      [
        'run',
        '--project',
        'wrapped',
        '--id',
        'stoppable',
        '--',
        'python3',
        '-c',
        'import time; print("training", flush=True); time.sleep(60)',
      ],
      {
        SEXTANT_HEARTBEAT_MS: '200',
      },
    );
    // Wait until the run exists, then stop it as its owner would from the run page.
    const { getPrisma: prisma } = await import('@/lib/db/prisma');
    for (
      let i = 0;
      i < 100 && !(await prisma().run.findFirst({ where: { runId: 'stoppable' } }));
      i++
    )
      await new Promise((r) => setTimeout(r, 100));
    const stopped = await graphql(
      `
        mutation {
          stopRun(run: { entity: "cleo", project: "wrapped", id: "stoppable" }) {
            state
          }
        }
      `,
      {},
      cleoSession,
    );
    expect(stopped.data).toEqual({ stopRun: { state: 'KILLED' } });
    const result = await running;
    expect(result.stderr).toContain('the run was stopped');
    expect(result.code).toBe(143);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'stoppable' } });
    expect(run.state).toBe('KILLED');
  });

  it('kills a program that ignores SIGTERM once the stop grace period is over', async () => {
    const running = cli(
      [
        'run',
        '--project',
        'wrapped',
        '--id',
        'stubborn',
        '--stop-grace',
        '1',
        '--',
        'python3',
        '-c',
        'import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print("busy", flush=True); time.sleep(60)',
      ],
      { SEXTANT_HEARTBEAT_MS: '200' },
    );
    await waitForRun('stubborn');
    await stop('stubborn');
    const started = Date.now();
    const result = await running;
    expect(result.stderr).toContain('SIGKILL after 1 s');
    expect(result.stderr).toContain('the program did not end; killing it');
    expect(result.code).toBe(137);
    expect(Date.now() - started).toBeLessThan(15_000);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'stubborn' } });
    expect(run).toMatchObject({ state: 'KILLED' });
  });

  it('reports a program ended by a scheduler’s SIGTERM as preempted', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'sdk/src/cli.ts',
        'run',
        '--project',
        'wrapped',
        '--id',
        'preempted',
        '--',
        'python3',
        '-c',
        [
          'import signal, sys, time',
          'def checkpoint(*_):',
          '    print("checkpoint saved", flush=True)',
          '    sys.exit(0)',
          'signal.signal(signal.SIGTERM, checkpoint)',
          'print("training", flush=True)',
          'time.sleep(60)',
        ].join('\n'),
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: configHome,
          XDG_CONFIG_HOME: configHome,
        } as unknown as NodeJS.ProcessEnv,
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 200 && !stdout.includes('training'); i++) await sleep(50);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('checkpoint saved');
    const run = await getPrisma().run.findFirstOrThrow({
      where: { runId: 'preempted' },
      include: { consoleLines: { orderBy: { lineNo: 'asc' } } },
    });
    expect(run).toMatchObject({ state: 'PREEMPTED', exitCode: 0 });
    expect(run.consoleLines.map((l) => l.text)).toEqual(['training', 'checkpoint saved']);
  });

  it('samples CPU, threads and memory of the wrapped program’s whole process tree', async () => {
    // A parent holding 100 MB starts a child holding 200 MB that keeps a core busy:
    // together far more than the CLI itself ever holds.
    const childCode =
      'import time; b = bytearray(200 * 2**20); t = time.time()\nwhile time.time() - t < 2: pass';
    const parentCode = [
      'import subprocess, sys',
      'a = bytearray(100 * 2**20)',
      `subprocess.run([sys.executable, "-c", ${JSON.stringify(childCode)}])`,
    ].join('\n');
    const result = await cli(
      ['run', '--project', 'wrapped', '--id', 'tree', '--', 'python3', '-c', parentCode],
      { SEXTANT_SYSTEM_METRICS_INTERVAL_MS: '250' },
    );
    expect(result.code).toBe(0);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'tree' } });
    const { getMetricsStore } = await import('@/lib/history');
    const max = async (key: string) =>
      Math.max(
        ...(await getMetricsStore().readExact(run.id, `system/${key}`, { limit: 1000 })).map(
          (p) => p.value,
        ),
      );
    expect(await max('proc.memory.rssMB')).toBeGreaterThan(300);
    expect(await max('proc.memory.percent')).toBeGreaterThan(0);
    expect(await max('proc.cpu.threads')).toBeGreaterThanOrEqual(2);
    expect(await max('cpu')).toBeGreaterThan(10);
    // Machine-wide metrics are still there.
    expect(await max('memory')).toBeGreaterThan(0);
  });
});
