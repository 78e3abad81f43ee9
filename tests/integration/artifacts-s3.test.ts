import { afterAll } from 'vitest';
import { artifactsSuite } from '../helpers/artifacts-suite';
import { startMotoS3 } from '../helpers/moto-s3';
import { testAuthSecret } from '../helpers/users';

const s3 = await startMotoS3();
afterAll(() => s3.stop());
Object.assign(process.env, s3.env, {
  AUTH_SECRET: testAuthSecret,
  STORAGE_PART_SIZE_BYTES: '4096',
});

await artifactsSuite('S3, moto_server');
