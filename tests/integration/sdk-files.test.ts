import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../sdk/src/files';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { apiKeyOf } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-sdk-files-'));
process.env.STORAGE_PART_SIZE_BYTES = '4096';
const { getPrisma } = await import('@/lib/db/prisma');
const { getBlobStore } = await import('@/lib/storage');
const server = await startAppHttpServer();
const workDir = await mkdtemp(path.join(os.tmpdir(), 'sextant-sdk-work-'));

let apiKey: string;
const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const content = (size: number, seed: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + seed) & 0xff));

beforeAll(async () => {
  const sam = await createVerifiedUser('sam');
  const key = (await apiKeyOf(sam.session)) as { authorization: string };
  apiKey = key.authorization.replace('Bearer ', '');
});

const options = (id: string) => ({
  apiKey,
  baseUrl: server.url,
  project: 'files',
  id,
  finishOnExit: false,
  captureConsole: false,
  systemMetricsIntervalMs: 0,
  flushIntervalMs: 50,
});

async function storedFiles(runId: string) {
  const files = await getPrisma().runFile.findMany({
    where: { run: { runId } },
    orderBy: { path: 'asc' },
  });
  return files.map((f) => ({ path: f.path, size: Number(f.size), sha256: f.sha256 }));
}

async function storedContent(sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await getBlobStore().read(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('SDK run.save() over real HTTP', () => {
  it('uploads now, live (again after a change) and end files by the time finish() returns', async () => {
    const run = await init(options('save-policies'));
    const model = content(10_000, 1);
    await writeFile(path.join(workDir, 'model.bin'), model);
    await writeFile(path.join(workDir, 'log.txt'), 'epoch 1\n');
    await writeFile(path.join(workDir, 'final.json'), '{"acc":0.5}');
    run.save(path.join(workDir, 'model.bin'), { policy: 'now', basePath: workDir });
    run.save(path.join(workDir, 'log.txt'), { basePath: workDir }); // live by default
    run.save(path.join(workDir, 'final.json'), { policy: 'end', basePath: workDir });
    run.log({ loss: 1 });
    // The end file waits for the end; the others go in the background at once.
    await expect
      .poll(async () => (await storedFiles('save-policies')).map((f) => f.path), {
        timeout: 20_000,
      })
      .toEqual(['log.txt', 'model.bin']);
    await sleep(1100); // a later mtime for the live file's change
    await writeFile(path.join(workDir, 'log.txt'), 'epoch 1\nepoch 2\n');
    await writeFile(path.join(workDir, 'final.json'), '{"acc":0.9}');
    expect(await run.finish()).toBe(true);

    expect(await storedFiles('save-policies')).toEqual([
      { path: 'final.json', size: 11, sha256: sha('{"acc":0.9}') },
      { path: 'log.txt', size: 16, sha256: sha('epoch 1\nepoch 2\n') },
      { path: 'model.bin', size: 10_000, sha256: sha(model) },
    ]);
    expect((await storedContent(sha(model))).equals(model)).toBe(true);
  });

  it('resumes a multi-part upload when answers are lost and when the server is down a while', async () => {
    await init(options('resume'));
    const data = content(4096 * 4 + 10, 2);
    const file = path.join(workDir, 'big.bin');
    await writeFile(file, data);
    const target = {
      runUrl: `${server.url}/api/v1/runs/sam/files/resume`,
      apiKey,
    };
    // Two answers lost after the server did the work (the create and part 1).
    server.dropNextResponses(2);
    const progress: number[] = [];
    const first = await uploadFile(target, file, 'big.bin', {
      backoffBaseMs: 20,
      onProgress: (p) => progress.push(p.sentBytes),
    });
    expect(first).toMatchObject({ path: 'big.bin', size: data.length, sha256: sha(data) });
    expect(progress.at(-1)).toBe(data.length);

    // Down for a while mid-upload: the client backs off and finishes once it is back.
    const other = content(4096 * 3, 3);
    await writeFile(file, other);
    await server.stop();
    setTimeout(() => void server.restart(), 700);
    const second = await uploadFile(target, file, 'big.bin', { backoffBaseMs: 100 });
    expect(second.sha256).toBe(sha(other));
    expect(await storedFiles('resume')).toEqual([
      { path: 'big.bin', size: other.length, sha256: sha(other) },
    ]);
    expect((await storedContent(sha(other))).equals(other)).toBe(true);
  });

  it('warns instead of throwing when the storage limit is reached, and logging goes on', async () => {
    const run = await init(options('over-quota'));
    const sam = await getPrisma().entity.findUniqueOrThrow({ where: { name: 'sam' } });
    await getPrisma().entityStorage.upsert({
      where: { entityId: sam.id },
      create: { entityId: sam.id, limitBytes: 1 },
      update: { limitBytes: 1 },
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      await writeFile(path.join(workDir, 'huge.bin'), content(5000, 4));
      run.save(path.join(workDir, 'huge.bin'), { policy: 'now', basePath: workDir });
      run.log({ loss: 0.5 });
      expect(await run.finish()).toBe(true);
      await sleep(50);
    } finally {
      process.off('warning', onWarning);
      await getPrisma().entityStorage.update({
        where: { entityId: sam.id },
        data: { limitBytes: null },
      });
    }
    expect(warnings.join('\n')).toMatch(/could not upload huge.bin: 413: Storage limit reached/);
    expect(await storedFiles('over-quota')).toEqual([]);
    const stored = await getPrisma().run.findFirstOrThrow({ where: { runId: 'over-quota' } });
    expect(stored.state).toBe('FINISHED');
  });

  it('the Python client saves files too (now in the background, end at finish)', async () => {
    const data = content(9000, 5);
    await writeFile(path.join(workDir, 'weights.npy'), data);
    await writeFile(path.join(workDir, 'summary.txt'), 'done');
    const script = [
      'import sextant',
      `sextant.init(project="files", id="py-run")`,
      `sextant.save(${JSON.stringify(path.join(workDir, 'weights.npy'))}, base_path=${JSON.stringify(workDir)})`,
      `sextant.save(${JSON.stringify(path.join(workDir, 'summary.txt'))}, base_path=${JSON.stringify(workDir)}, policy="end")`,
      'sextant.log({"loss": 1.0})',
      'sextant.finish()',
    ].join('\n');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('python3', ['-c', script], {
        env: {
          PATH: process.env.PATH,
          PYTHONPATH: path.resolve('sdk/python'),
          SEXTANT_API_KEY: apiKey,
          SEXTANT_BASE_URL: server.url,
        } as unknown as NodeJS.ProcessEnv,
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await storedFiles('py-run')).toEqual([
      { path: 'summary.txt', size: 4, sha256: sha('done') },
      { path: 'weights.npy', size: 9000, sha256: sha(data) },
    ]);
  }, 60_000);

  it('`sextant save` uploads files from the command line', async () => {
    await init(options('cli-run'));
    const home = await mkdtemp(path.join(os.tmpdir(), 'sextant-cli-files-'));
    await writeFile(path.join(workDir, 'notes.md'), '# notes\n');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        'node_modules/.bin/tsx',
        [
          'sdk/src/cli.ts',
          'save',
          '--project',
          'files',
          '--run',
          'cli-run',
          '--base-path',
          workDir,
          path.join(workDir, 'notes.md'),
        ],
        {
          env: {
            PATH: process.env.PATH,
            HOME: home,
            XDG_CONFIG_HOME: home,
            SEXTANT_API_KEY: apiKey,
            SEXTANT_BASE_URL: server.url,
          } as unknown as NodeJS.ProcessEnv,
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toContain('saved notes.md');
    expect(result.code).toBe(0);
    expect(await storedFiles('cli-run')).toEqual([
      { path: 'notes.md', size: 8, sha256: sha('# notes\n') },
    ]);
  }, 60_000);
});
