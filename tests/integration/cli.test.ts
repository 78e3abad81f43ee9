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
});
