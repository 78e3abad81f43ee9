import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { artifactsSuite } from '../helpers/artifacts-suite';
import { testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-artifacts-'));
process.env.STORAGE_PART_SIZE_BYTES = '4096';

await artifactsSuite('local directory');
