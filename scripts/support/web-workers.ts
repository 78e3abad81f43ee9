import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/**
 * The production web server as a cluster of `next start` processes sharing one port.
 *
 * One Node process runs JavaScript on one core. Ingest from many SDK clients is CPU-bound in
 * the server (HTTP, JSON, validation, pg serialisation), so on a 2-core machine one process
 * leaves half the machine to Postgres and idle time (DESIGN.md P1). Node's cluster module
 * lets every worker `listen()` on the same port: this process (the primary) accepts
 * connections and hands them out round-robin. Workers are stateless (sessions are signed
 * cookies, rate limits and locks live in Postgres), so any of them may answer any request.
 */
export interface WebWorkers {
  /** Resolves with the exit code once every worker has exited. */
  exited: Promise<number>;
  /** Forwards a signal to every worker (they finish their requests and exit). */
  stop(signal: NodeJS.Signals): void;
}

/**
 * One worker per core but one, at most 4: the embedded Postgres needs a core of its own. On
 * 2 cores one worker and two gave the same ingest throughput (P1 bench), with less CPU per
 * request for one.
 */
export function defaultWorkerCount(configured: number | undefined): number {
  return configured ?? Math.max(1, Math.min(availableParallelism() - 1, 4));
}

export function startWebWorkers(options: {
  count: number;
  port: number;
  env: Record<string, string>;
  log: (line: string) => void;
}): WebWorkers {
  cluster.setupPrimary({
    exec: path.resolve('node_modules/next/dist/bin/next'),
    args: ['start', '--port', String(options.port)],
    // The primary runs under tsx; the workers are plain Node running Next's build.
    execArgv: [],
  });
  let stopping = false;
  let exitCode = 0;
  let resolveExited: (code: number) => void;
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));
  const live = new Set<Worker>();
  const recentCrashes: number[] = [];

  const fork = () => {
    const worker = cluster.fork(options.env);
    live.add(worker);
    worker.on('exit', (code, signal) => {
      live.delete(worker);
      if (!stopping) {
        // A worker that dies is replaced, unless they keep dying (a broken build or config):
        // then the whole server stops with the worker's exit code instead of looping.
        const now = Date.now();
        recentCrashes.push(now);
        while (recentCrashes[0]! < now - 60_000) recentCrashes.shift();
        if (recentCrashes.length <= 3) {
          options.log(`! A web worker exited (${signal ?? `code ${code}`}); starting another`);
          fork();
          return;
        }
        options.log('! Web workers keep exiting; stopping Sextant');
        stopping = true;
        exitCode = code || 1;
        for (const other of live) other.process.kill('SIGTERM');
      }
      if (live.size === 0) resolveExited(exitCode);
    });
  };
  for (let i = 0; i < options.count; i++) fork();

  return {
    exited,
    stop(signal) {
      stopping = true;
      if (live.size === 0) resolveExited(0);
      for (const worker of live) worker.process.kill(signal);
    },
  };
}
