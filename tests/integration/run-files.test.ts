import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runFilesSuite } from '../helpers/run-files-suite';
import { testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
process.env.STORAGE_DRIVER = 'local';
process.env.SEXTANT_DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'sextant-files-'));
process.env.STORAGE_PART_SIZE_BYTES = '4096';

runFilesSuite('local directory');
