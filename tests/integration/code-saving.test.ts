import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { apiKeyOf, createTeamVia } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

// Code saving (issue #6.6): a training script in a git repository with uncommitted changes,
// run in its own process with the real SDK; the team's "code saving by default" decides.

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const server = await startAppHttpServer();
let apiKey: string;
let repo: string;

afterAll(() => server.stop());

beforeAll(async () => {
  const cleo = await createVerifiedUser('cleo');
  apiKey = (await apiKeyOf(cleo.session)).authorization.slice('Bearer '.length);
  await createTeamVia(cleo.session, 'coders', { newOrganizationName: 'Coders' });

  repo = await mkdtemp(path.join(os.tmpdir(), 'sextant-repo-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.email', 'cleo@example.com');
  git('config', 'user.name', 'Cleo');
  git('remote', 'add', 'origin', 'https://cleo:s3cret-token@github.com/cleo/vision.git');
  await writeFile(path.join(repo, 'model.py'), 'layers = 3\n');
  await writeFile(path.join(repo, 'requirements.txt'), 'numpy==2.1\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  await writeFile(path.join(repo, 'model.py'), 'layers = 4\n'); // uncommitted
  await writeFile(
    path.join(repo, 'train.mts'),
    `import { init } from ${JSON.stringify(path.resolve('sdk/src/index.ts'))};
     const run = await init({ entity: 'coders', project: 'vision', id: process.env.RUN_ID, systemMetricsIntervalMs: 0, captureConsole: false });
     run.log({ loss: 1 });
     await run.finish();`,
  );
  await writeFile(
    path.join(repo, 'train.py'),
    `import os, sextant
sextant.init(entity="coders", project="vision", id=os.environ["RUN_ID"])
sextant.log({"loss": 1})
assert sextant.finish()
`,
  );
});

function train(runId: string, env: Record<string, string> = {}, python = false) {
  return new Promise<string>((resolve, reject) => {
    const [command, script] = python
      ? ['python3', 'train.py']
      : [path.resolve('node_modules/.bin/tsx'), 'train.mts'];
    const child = spawn(command, [script], {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        HOME: repo,
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
        SEXTANT_DIR: path.join(repo, '.sextant'),
        RUN_ID: runId,
        PYTHONPATH: path.resolve('sdk/python'),
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(stderr) : reject(new Error(stderr))));
  });
}

const filesOf = async (runId: string) => {
  const run = await getPrisma().run.findFirstOrThrow({
    where: { runId },
    include: { files: { orderBy: { path: 'asc' } } },
  });
  return { run, paths: run.files.map((file) => file.path) };
};

it('records the git commit and remote (without credentials) on every run, and saves no code by default', async () => {
  await train('plain');
  const { run, paths } = await filesOf('plain');
  expect(run.gitRemote).toBe('https://github.com/cleo/vision.git');
  expect(run.gitCommit).toMatch(/^[0-9a-f]{40}$/);
  expect(paths).toEqual([]);
});

it('saves diff.patch, the entry script and the dependency files when the team saves code by default', async () => {
  await getPrisma().team.update({ where: { name: 'coders' }, data: { codeSavingDefault: true } });
  await train('with-code');
  const { paths } = await filesOf('with-code');
  expect(paths).toEqual(['code/train.mts', 'diff.patch', 'requirements.txt']);
  const diff = await fetch(
    `${server.url}/api/v1/runs/coders/vision/with-code/files/by-path/diff.patch`,
    {
      headers: { authorization: `Bearer ${apiKey}` },
    },
  );
  const patch = await diff.text();
  expect(patch).toContain('-layers = 3');
  expect(patch).toContain('+layers = 4');

  // A person can still say no for one run.
  await train('opted-out', { SEXTANT_SAVE_CODE: 'false' });
  expect((await filesOf('opted-out')).paths).toEqual([]);
});

it('does the same from the Python client', async () => {
  await train(
    'from-python',
    { SEXTANT_SAVE_CODE: 'true', SEXTANT_SYSTEM_METRICS_INTERVAL_MS: '0' },
    true,
  );
  const { run, paths } = await filesOf('from-python');
  expect(run.gitRemote).toBe('https://github.com/cleo/vision.git');
  expect(run.gitCommit).toMatch(/^[0-9a-f]{40}$/);
  expect(paths).toEqual(['code/train.py', 'diff.patch', 'requirements.txt']);
});
