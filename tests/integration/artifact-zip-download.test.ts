import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { init } from '../../sdk/src/index';
import { startAppHttpServer } from '../helpers/app-http-server';
import { addMember, apiKeyOf, createTeamVia } from '../helpers/teams';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-zip-'));
process.env.STORAGE_PART_SIZE_BYTES = '4096';

const run = promisify(execFile);

/** GET /api/v1/artifacts/…/versions/<v>/download over real HTTP, as a zip read back by unzip. */
describe('whole-version zip download', () => {
  let server: Awaited<ReturnType<typeof startAppHttpServer>>;
  type Person = Awaited<ReturnType<typeof createVerifiedUser>>;
  let mia: Person;
  let vic: Person;
  let out: Person;
  const work = path.join(os.tmpdir(), `sextant-zip-work-${process.pid}`);
  // Bigger than one archiver chunk and than a storage part, so streaming is really exercised.
  const big = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + 7) & 0xff));
  const files: Record<string, Buffer> = {
    'train.bin': big,
    'labels/classes.json': Buffer.from('{"classes":["cat","dog"]}\n'),
    'labels/readme.txt': Buffer.from('two classes\n'),
    'empty.txt': Buffer.alloc(0),
  };

  beforeAll(async () => {
    server = await startAppHttpServer();
    const ada = await createVerifiedUser('ada');
    mia = await createVerifiedUser('mia');
    vic = await createVerifiedUser('vic');
    out = await createVerifiedUser('out');
    await createTeamVia(ada.session, 'lab', { newOrganizationName: 'Lab org' });
    await addMember('lab', mia.user.id, 'MEMBER');
    await addMember('lab', vic.user.id, 'VIEW_ONLY');
    const key = ((await apiKeyOf(mia.session)) as { authorization: string }).authorization;
    const dir = path.join(work, 'dataset');
    for (const [name, data] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), data);
    }
    const producer = await init({
      apiKey: key.slice(7),
      baseUrl: server.url,
      entity: 'lab',
      project: 'data',
      id: 'prep',
      finishOnExit: false,
      captureConsole: false,
      systemMetricsIntervalMs: 0,
      flushIntervalMs: 50,
    });
    const logged = await producer.logArtifact({
      name: 'pets',
      type: 'dataset',
      files: dir,
      references: ['s3://bucket/raw.tar'],
    });
    expect(logged).toMatchObject({ version: 'v0', fileCount: 5 });
    await producer.finish();
  });
  afterAll(() => server.stop());

  const get = (as: Person, version = 'v0') =>
    fetch(`${server.url}/api/v1/artifacts/lab/data/pets/versions/${version}/download`, {
      headers: { cookie: as.session.session },
    });

  it('streams every stored file of the manifest, byte for byte, as <name>-<v>.zip', async () => {
    const response = await get(mia, 'latest');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''pets-v0.zip");
    const zip = path.join(work, 'pets.zip');
    await writeFile(zip, Buffer.from(await response.arrayBuffer()));

    const { stdout } = await run('unzip', ['-Z1', zip]);
    // The reference (raw.tar) has no bytes here: it stays a URI in the manifest.
    expect(stdout.trim().split('\n').sort()).toEqual(Object.keys(files).sort());
    const into = path.join(work, 'unzipped');
    await run('unzip', ['-q', '-o', zip, '-d', into]);
    for (const [name, data] of Object.entries(files)) {
      expect(await readFile(path.join(into, name))).toEqual(data);
    }
  });

  it('refuses view-only members (403) and hides the project from outsiders (404)', async () => {
    const viewOnly = await get(vic);
    expect(viewOnly.status).toBe(403);
    expect(((await viewOnly.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await get(out)).status).toBe(404);
  });

  it('answers 404 for a version that does not exist', async () => {
    const missing = await get(mia, 'v7');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(
      /pets:v7/,
    );
  });
});
