import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import path from 'node:path';

/**
 * The production web server as a cluster of web workers (scripts/web-worker.ts: Next's request
 * handler behind Node's HTTP server) sharing one port.
 *
 * One Node process runs JavaScript on one core, so one worker per core lets the server use
 * the machine when it is the bottleneck (DESIGN.md P1). Node's cluster module
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
 * 2 cores (P1 bench, 16 clients) one worker ingested 178k points/s at p99 228 ms and two
 * 193k at p99 251 ms: Postgres and the server share the cores either way.
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
    exec: path.resolve('scripts/web-worker.ts'),
    // Workers run TypeScript (our HTTP layer imports lib/) through tsx, like this process.
    execArgv: ['--import', 'tsx'],
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
