/**
 * P3 (DESIGN.md §5): the cost of the SDK's `log()` in the training loop, measured while
 * the server never answers the stream (so any waiting on the network would show), next to
 * an empty-function-call baseline measured the same way.
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { init } from '../../sdk/src/index';

const calls = Number(process.env.BENCH_CALLS ?? 200_000);
const server = http.createServer((req, res) => {
  if (req.url?.endsWith('/stream')) return; // the stream hangs: a slow or unreachable server
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      runId: 'bench',
      entity: 'bench',
      project: 'p3',
      historyOffset: 0,
      lastStep: -1,
      codeSavingDefault: false,
    }),
  );
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const run = await init({
  apiKey: 'sxt_bench',
  baseUrl,
  entity: 'bench',
  project: 'p3',
  id: 'bench',
  finishOnExit: false,
  captureConsole: false,
  // Rows past the in-memory bound spill here, as they would in a long outage.
  dir: mkdtempSync(path.join(os.tmpdir(), 'sextant-p3-')),
});

function measure(label: string, fn: (i: number) => void) {
  const samples = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const started = process.hrtime.bigint();
    fn(i);
    samples[i] = Number(process.hrtime.bigint() - started) / 1000;
  }
  samples.sort();
  return {
    label,
    'median µs': samples[calls >> 1]!.toFixed(2),
    'p99 µs': samples[Math.floor(calls * 0.99)]!.toFixed(2),
  };
}

let sink = 0;
const baseline = measure('empty call (timer overhead)', (i) => {
  sink += i;
});
const log = measure('run.log({ loss, acc, lr })', (i) =>
  run.log({ loss: 1 / (i + 1), acc: i / calls, lr: 0.001 }),
);
console.log(`\nP3: ${calls.toLocaleString()} calls, stream endpoint never answering`);
console.table([baseline, log]);
console.log(`rows queued (memory, then spilled to disk): ${run.pendingRows} (sink ${sink > 0})`);
server.closeAllConnections();
server.close();
process.exit(0);
