import { spawn } from 'node:child_process';
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { startAppHttpServer } from '../helpers/app-http-server';
import { graphql } from '../helpers/graphql';
import { createVerifiedUser, testAuthSecret } from '../helpers/users';

process.env.AUTH_SECRET = testAuthSecret;
const { getPrisma } = await import('@/lib/db/prisma');
const { getMetricsStore } = await import('@/lib/history');
const server = await startAppHttpServer();
let apiKey: string;

beforeAll(async () => {
  const pia = await createVerifiedUser('pia');
  apiKey = (
    await graphql<{ createApiKey: { secret: string } }>(
      `
        mutation {
          createApiKey(name: "py") {
            secret
          }
        }
      `,
      {},
      pia.session,
    )
  ).data!.createApiKey.secret;
});

/** Starts a Python script with the machine's python3 and the client from sdk/python on its path. */
function startPython(script: string, env: Record<string, string> = {}) {
  const child = spawn('python3', ['-c', script], {
    env: {
      PATH: process.env.PATH,
      PYTHONPATH: path.resolve('sdk/python'),
      SEXTANT_API_KEY: apiKey,
      SEXTANT_BASE_URL: server.url,
      ...env,
    } as unknown as NodeJS.ProcessEnv,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, ...output })),
  );
  return { child, output, exited };
}

/** Runs a Python script to its end. */
function python(script: string, env: Record<string, string> = {}) {
  return startPython(script, env).exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function consoleLines(runId: string) {
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId } });
  const lines = await getPrisma().consoleLine.findMany({
    where: { runId: run.id },
    orderBy: { lineNo: 'asc' },
  });
  return lines.map((line) => [line.lineNo, line.text, line.stream]);
}

it('logs a run from Python: config, metrics with NaN, summary, and the exit state', async () => {
  const result = await python(`
import sextant
run = sextant.init(project="py", id="py-run", config={"lr": 0.1}, tags=["python"])
for i in range(1500):
    sextant.log({"loss": 1 / (i + 1), "nan": float("nan")})
sextant.config.update({"epochs": 3})
sextant.summary["best"] = 0.9
sextant.define_metric("worst", summary="max")
for value in (2.0, 7.0, 3.0):
    sextant.log({"worst": value})
assert sextant.finish()
`);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-run' } });
  expect(run).toMatchObject({
    state: 'FINISHED',
    exitCode: 0,
    tags: ['python'],
    historyOffset: 1503,
  });
  expect(run.config).toEqual({ lr: 0.1, epochs: 3 });
  expect(run.summary).toMatchObject({ loss: 1 / 1500, best: 0.9, nan: 'NaN', worst: 7 });
  expect(run.languageVersion).toMatch(/^python 3\./);
  const loss = await getMetricsStore().readExact(run.id, 'loss', { limit: 2000 });
  expect(loss).toHaveLength(1500);
  expect(loss.every((point, i) => point.step === i && point.value === 1 / (i + 1))).toBe(true);
});

it('marks a run failed with a non-zero exit code, and finishes on interpreter exit', async () => {
  await python(`
import sextant
sextant.init(project="py", id="py-failed")
sextant.log({"x": 1})
sextant.finish(exit_code=2)
`);
  await python(`
import sextant
sextant.init(project="py", id="py-atexit")
sextant.log({"x": 1})
`);
  const runs = await getPrisma().run.findMany({
    where: { runId: { in: ['py-failed', 'py-atexit'] } },
  });
  expect(Object.fromEntries(runs.map((r) => [r.runId, r.state]))).toEqual({
    'py-failed': 'FAILED',
    'py-atexit': 'FINISHED',
  });
});

it('alerts (rate-limited per title), reports preemption, and samples system metrics from /proc', async () => {
  const result = await python(
    `
import sextant, time
run = sextant.init(project="py", id="py-preempted")
assert sextant.alert("Loss spiked", text="step 3", level="WARN", wait_duration=600) is True
assert sextant.alert("Loss spiked", text="again", level="WARN", wait_duration=600) is False
assert run.alert("Bad level", level="LOUD") is False
for i in range(5):
    sextant.log({"loss": i})
time.sleep(1.5)
sextant.mark_preempting()
assert sextant.finish(exit_code=143)
`,
    { SEXTANT_SYSTEM_METRICS_INTERVAL_MS: '200' },
  );
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/alert 'Bad level' not sent: 400/);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-preempted' } });
  expect(run).toMatchObject({ state: 'PREEMPTED', exitCode: 143, historyOffset: 5 });
  const alerts = await getPrisma().alert.findMany({ where: { runId: run.id, event: 'CUSTOM' } });
  expect(alerts.map((a) => [a.title, a.level, a.text])).toEqual([
    ['Loss spiked', 'WARN', 'step 3'],
  ]);
  expect(run.systemOffset).toBeGreaterThanOrEqual(1);
  const keys = await getMetricsStore().keys(run.id);
  for (const key of [
    'cpu',
    'memory',
    'proc.memory.rssMB',
    'proc.memory.percent',
    'proc.cpu.threads',
  ])
    expect(keys).toContain(`system/${key}`);
});

it('writes an offline run in the TypeScript SDK’s format, which sextant sync uploads', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'sextant-py-offline-'));
  const result = await python(
    `
import sextant
run = sextant.init(project="py", id="py-offline", config={"lr": 0.5}, mode="offline")
for i in range(3000):
    sextant.log({"loss": 1 / (i + 1), "inf": float("inf")})
sextant.summary["best"] = 0.5
assert sextant.alert("offline", text="not delivered") is False
sextant.finish(exit_code=1)
print(run.dir)
`,
    { SEXTANT_DIR: root, SEXTANT_API_KEY: '', SEXTANT_BASE_URL: 'http://127.0.0.1:1' },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(await getPrisma().run.findFirst({ where: { runId: 'py-offline' } })).toBeNull();
  const sync = await new Promise<{ code: number | null; out: string }>((resolve) => {
    let out = '';
    const child = spawn('node_modules/.bin/tsx', ['sdk/src/cli.ts', 'sync', '--all'], {
      env: {
        PATH: process.env.PATH,
        HOME: root,
        SEXTANT_API_KEY: apiKey,
        SEXTANT_BASE_URL: server.url,
        SEXTANT_DIR: root,
      } as unknown as NodeJS.ProcessEnv,
    });
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => resolve({ code, out }));
  });
  expect(sync.out).toMatch(
    /offline-run-\d{8}_\d{6}-py-offline: synced \d+ batches \(3000 history rows\)/,
  );
  expect(sync.code).toBe(0);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-offline' } });
  expect(run).toMatchObject({ state: 'FAILED', exitCode: 1, historyOffset: 3000 });
  expect(run.config).toEqual({ lr: 0.5 });
  expect(run.summary).toMatchObject({ loss: 1 / 3000, inf: 'Infinity', best: 0.5 });
  expect(run.languageVersion).toMatch(/^python 3\./);
  const loss = await getMetricsStore().readExact(run.id, 'loss', { limit: 5000 });
  expect(loss.every((point, i) => point.step === i && point.value === 1 / (i + 1))).toBe(true);
  expect(loss).toHaveLength(3000);
});

it('captures what the program prints into console lines (progress bars redrawn with \\r), printing as before', async () => {
  const result = await python(`
import sextant, sys
sextant.init(project="py", id="py-console")
print("epoch 1 done")
for pct in (10, 50, 100):
    print("progress %d%%" % pct, end="\\r", flush=True)
print()
sys.stdout.write("loading\\rloaded\\n")
sys.stderr.write("a warning\\n")
print("unicode \\u2713", "done")
print("no newline at the end", end="")
assert sextant.finish()
print(" | after finish")
`);
  expect(result.code).toBe(0);
  // The program's own output is untouched.
  expect(result.stdout).toBe(
    'epoch 1 done\nprogress 10%\rprogress 50%\rprogress 100%\r\nloading\rloaded\nunicode ✓ done\nno newline at the end | after finish\n',
  );
  expect(result.stderr).toBe('a warning\n');
  expect(await consoleLines('py-console')).toEqual([
    [0, 'epoch 1 done', 'stdout'],
    [1, 'progress 100%', 'stdout'],
    [2, 'loaded', 'stdout'],
    [3, 'a warning', 'stderr'],
    [4, 'unicode ✓ done', 'stdout'],
    [5, 'no newline at the end', 'stdout'],
  ]);
});

it('with console="redirect" also captures file-descriptor output of C code and child processes', async () => {
  const result = await python(`
import os, subprocess, sys, sextant
sextant.init(project="py", id="py-redirect", console="redirect")
print("from print", flush=True)
os.write(1, b"from fd 1\\n")
subprocess.run(["sh", "-c", "echo from a child; echo child error >&2"], check=True)
sextant.finish()
print("after finish")
`);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('from print\nfrom fd 1\nfrom a child\nafter finish\n');
  expect(result.stderr).toBe('child error\n');
  // Two descriptors are read by two threads: the order within each is kept, not between them.
  const lines = await consoleLines('py-redirect');
  const of = (stream: string) => lines.filter((line) => line[2] === stream).map(([, text]) => text);
  expect(of('stdout')).toEqual(['from print', 'from fd 1', 'from a child']);
  expect(of('stderr')).toEqual(['child error']);
  expect(lines.map(([lineNo]) => lineNo)).toEqual([0, 1, 2, 3]);
});

it(
  'loses and duplicates nothing through a server outage: the queue spills to disk, memory stays bounded',
  { timeout: 120_000 },
  async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sextant-py-spill-'));
    const { child, output, exited } = startPython(
      `
import json, sys, threading, time, sextant
run = sextant.init(project="py", id="py-outage", memory_queue_rows=2000, flush_interval=0.05)
n = 0
def burst(rows):
    global n
    started = time.perf_counter()
    for _ in range(rows):
        run.log({"loss": n, "acc": -n})
        n += 1
    return time.perf_counter() - started
burst(500)
while run.pending_rows:
    time.sleep(0.02)
print("ACKED", flush=True)
up = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), up.set()), daemon=True).start()
slowest, most_in_memory, ticks = 0.0, 0, 0
while not up.is_set():
    slowest = max(slowest, burst(100))
    most_in_memory = max(most_in_memory, run._history.in_memory)
    if n % 1000 == 0:
        print("tick %d" % ticks, flush=True)
        ticks += 1
    time.sleep(0.02)
stats = {"rows": n, "slowest": slowest, "mostInMemory": most_in_memory, "ticks": ticks,
         "pending": run.pending_rows, "spilled": run.spilled_segments}
assert sextant.finish(timeout=90)
print(json.dumps(stats), flush=True)
`,
      { SEXTANT_DIR: root },
    );
    for (const until = Date.now() + 30_000; !output.stdout.includes('ACKED'); await sleep(20))
      if (Date.now() > until) throw new Error(`the Python run never started: ${output.stderr}`);
    await server.stop();
    await sleep(Number(process.env.SEXTANT_TEST_OUTAGE_MS ?? 6_000));
    // During the outage the queue is on disk, in the same place the TypeScript SDK spills to.
    const runDir = (await readdir(root)).find((name) => /^run-\d{8}_\d{6}-py-outage$/.test(name));
    expect(runDir).toBeDefined();
    const spillDir = path.join(root, runDir!, 'spill');
    const spilled = await readdir(spillDir);
    const segment = spilled.find((name) => /^history-\d{6}\.jsonl$/.test(name));
    expect(segment).toBeDefined();
    // Owner only: the segments hold the run's metrics.
    expect((await stat(spillDir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(spillDir, segment!))).mode & 0o777).toBe(0o600);
    await server.restart();
    child.stdin.write('up\n');
    const result = await exited;
    expect(result.code, result.stderr).toBe(0);
    const stats = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
      rows: number;
      slowest: number;
      mostInMemory: number;
      ticks: number;
      pending: number;
      spilled: number;
    };
    // Many more rows than memory holds were logged while the server was away.
    expect(stats.rows).toBeGreaterThan(5_000);
    expect(stats.pending).toBe(stats.rows - 500);
    expect(stats.spilled).toBeGreaterThan(0);
    expect(stats.mostInMemory).toBeLessThanOrEqual(4000);
    // log() never waited for the network or the disk.
    expect(stats.slowest).toBeLessThan(0.25);
    const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-outage' } });
    expect(run).toMatchObject({ state: 'FINISHED', historyOffset: stats.rows });
    const loss = await getMetricsStore().readExact(run.id, 'loss', { limit: 200_000 });
    expect(loss.map((p) => p.step)).toEqual(Array.from({ length: stats.rows }, (_, i) => i));
    expect(loss.every((p, i) => p.value === i)).toBe(true);
    const acc = await getMetricsStore().readExact(run.id, 'acc', { limit: 200_000 });
    expect(acc.every((p, i) => p.value === -i)).toBe(true);
    expect(acc).toHaveLength(stats.rows);
    // What it printed during the outage reached the console log too, in order, once.
    const lines = (await consoleLines('py-outage')).map(([, text]) => text);
    expect(lines.filter((text) => String(text).startsWith('tick '))).toEqual(
      Array.from({ length: stats.ticks }, (_, i) => `tick ${i}`),
    );
    // The spilled segments were read back and removed.
    expect(await readdir(path.join(root, runDir!))).toEqual([]);
  },
);

it('an uncaught exception fails the run at exit, with its traceback in the console log', async () => {
  const result = await python(`
import sextant
sextant.init(project="py", id="py-crash")
sextant.log({"x": 1})
print("about to fail")
raise ValueError("boom")
`);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/ValueError: boom\n$/);
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-crash' } });
  expect(run).toMatchObject({ state: 'FAILED', exitCode: 1, historyOffset: 1 });
  const lines = (await consoleLines('py-crash')).map(([, text, stream]) => `${stream}: ${text}`);
  expect(lines[0]).toBe('stdout: about to fail');
  expect(lines[1]).toBe('stderr: Traceback (most recent call last):');
  expect(lines.at(-1)).toBe('stderr: ValueError: boom');
});

it('SIGTERM (a scheduler preempting the job) sends what was logged and reports the run preempted', async () => {
  const { child, output, exited } = startPython(`
import time, sextant
sextant.init(project="py", id="py-sigterm")
for i in range(300):
    sextant.log({"loss": i})
try:
    print("ready", flush=True)
    time.sleep(60)
finally:
    print("cleaning up")
`);
  for (const until = Date.now() + 30_000; !output.stdout.includes('ready'); await sleep(20))
    if (Date.now() > until) throw new Error(`the Python run never started: ${output.stderr}`);
  child.kill('SIGTERM');
  const result = await exited;
  expect(result.code).toBe(143);
  expect(result.stdout).toBe('ready\ncleaning up\n');
  const run = await getPrisma().run.findFirstOrThrow({ where: { runId: 'py-sigterm' } });
  expect(run).toMatchObject({ state: 'PREEMPTED', exitCode: 143, historyOffset: 300 });
  expect((await consoleLines('py-sigterm')).map(([, text]) => text)).toEqual([
    'ready',
    'cleaning up',
  ]);
});
