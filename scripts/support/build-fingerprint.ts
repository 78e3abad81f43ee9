import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Everything that changes what `next build` produces. */
const inputs = [
  'app',
  'components',
  'graphql',
  'lib',
  'emails',
  'public',
  'prisma/schema.prisma',
  'next.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];

const fingerprintFile = '.next/sextant-build-fingerprint';

async function* filesUnder(entry: string): AsyncGenerator<string> {
  if (!existsSync(entry)) return;
  const dirents = await readdir(entry, { withFileTypes: true }).catch(() => null);
  if (!dirents) {
    yield entry;
    return;
  }
  for (const dirent of dirents.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = path.join(entry, dirent.name);
    if (dirent.isDirectory()) yield* filesUnder(child);
    else if (!dirent.name.endsWith('.test.ts')) yield child;
  }
}

/** A content hash of the build inputs; a build is current when it was made from the same hash. */
export async function computeBuildFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for await (const file of filesUnder(input)) {
      hash
        .update(file)
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex');
}

export async function isBuildCurrent(fingerprint: string): Promise<boolean> {
  if (!existsSync('.next/BUILD_ID') || !existsSync(fingerprintFile)) return false;
  return (await readFile(fingerprintFile, 'utf8')).trim() === fingerprint;
}

export async function recordBuild(fingerprint: string): Promise<void> {
  await writeFile(fingerprintFile, fingerprint);
}
