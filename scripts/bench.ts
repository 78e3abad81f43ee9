/**
 * `npm run bench`: runs every tests/bench/*.bench.ts in turn. Benchmarks print their
 * figures (ideally as a ratio to a baseline measured in the same run); they assert nothing.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync('tests/bench')
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const result = spawnSync('node_modules/.bin/tsx', [`tests/bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (files.length === 0) console.log('No benchmarks matched.');
process.exit(failed ? 1 : 0);
