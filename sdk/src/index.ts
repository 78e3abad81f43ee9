import { resolveCredentials } from './credentials.js';
import { postJson } from './http.js';
import { Run, type RunInfo } from './run.js';
import { Sender } from './sender.js';

export { Run } from './run.js';

export interface InitOptions {
  project: string;
  /** A user or team; defaults to the API key's user. */
  entity?: string;
  /** Run id (resume an existing run by passing its id). */
  id?: string;
  name?: string;
  notes?: string;
  tags?: string[];
  group?: string;
  jobType?: string;
  config?: Record<string, unknown>;
  /** Forget history from this step on when resuming. */
  resumeFromStep?: number;
  /** Defaults: SEXTANT_API_KEY and SEXTANT_BASE_URL (http://localhost:3000). */
  apiKey?: string;
  baseUrl?: string;
  /** Mirror stdout/stderr into the run's console log (default true). */
  captureConsole?: boolean;
  /** Finish the run when the process exits or is interrupted (default true). */
  finishOnExit?: boolean;
  /** Flush interval of the background sender. */
  flushIntervalMs?: number;
  /** How often to sample system metrics (CPU, memory, disk, network, GPU); 0 turns them off. Default 10 s. */
  systemMetricsIntervalMs?: number;
  /** Service accounts: the team member to attribute the run to (default SEXTANT_USERNAME). */
  attributeTo?: string;
}

interface RunHandle {
  id: string;
  entity: string;
  project: string;
  historyOffset: number;
  systemOffset: number;
  lastStep: number;
  codeSavingDefault: boolean;
}

/** The username of the API key's owner. */
export async function whoami(baseUrl: string, apiKey: string): Promise<string> {
  const result = await postJson<{ data?: { viewer: { username: string } | null } }>(
    `${baseUrl}/api/graphql`,
    apiKey,
    {
      query: '{ viewer { username } }',
    },
  );
  const username = result.data?.viewer?.username;
  if (!username)
    throw new Error('sextant: pass `entity`: this API key does not belong to a person');
  return username;
}

/**
 * Starts (or resumes) a run and returns it. This is the one call that waits for the
 * server; everything after it is queued and sent in the background.
 */
export async function init(options: InitOptions): Promise<Run> {
  const credentials = await resolveCredentials({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
  });
  const apiKey = credentials.apiKey;
  if (!apiKey)
    throw new Error('sextant: run `sextant login`, set SEXTANT_API_KEY, or pass apiKey to init()');
  const baseUrl = (credentials.baseUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  // Inside `sextant run`, the CLI already records console output and system metrics.
  const wrapped = process.env.SEXTANT_WRAPPED === '1';
  const entity = options.entity ?? process.env.SEXTANT_ENTITY ?? (await whoami(baseUrl, apiKey));
  const id = options.id ?? process.env.SEXTANT_RUN_ID;
  const path = `${baseUrl}/api/v1/runs/${encodeURIComponent(entity)}/${encodeURIComponent(options.project)}/${encodeURIComponent(id ?? randomId())}`;
  const attributeTo = options.attributeTo ?? process.env.SEXTANT_USERNAME;
  const handle = await postJson<{ runId: string } & RunHandle>(path, apiKey, {
    ...(options.name !== undefined && { displayName: options.name }),
    ...(options.notes !== undefined && { notes: options.notes }),
    ...(options.tags !== undefined && { tags: options.tags }),
    ...(options.group !== undefined && { group: options.group }),
    ...(options.jobType !== undefined && { jobType: options.jobType }),
    ...(options.config !== undefined && { config: options.config }),
    ...(options.resumeFromStep !== undefined && { resumeFromStep: options.resumeFromStep }),
    ...(attributeTo && { attributeTo }),
    host: (await import('node:os')).hostname(),
    os: `${process.platform} ${process.arch}`,
    languageVersion: `node ${process.version}`,
    program: process.argv[1] ?? null,
    command: process.argv.join(' ').slice(0, 4000),
  });
  const info: RunInfo = {
    id: handle.runId,
    entity: handle.entity,
    project: handle.project,
    url: `${baseUrl}/${handle.entity}/${handle.project}/runs/${handle.runId}`,
    codeSavingDefault: handle.codeSavingDefault,
  };
  const sender = new Sender({
    streamUrl: `${path.replace(/[^/]+$/, encodeURIComponent(handle.runId))}/stream`,
    apiKey,
    historyOffset: handle.historyOffset,
    systemOffset: handle.systemOffset,
    intervalMs: options.flushIntervalMs,
    heartbeatMs: Number(process.env.SEXTANT_HEARTBEAT_MS ?? 30_000),
    onWarning: (message) => process.emitWarning(message),
  });
  const run = new Run(
    info,
    sender,
    handle.lastStep,
    options.captureConsole ?? !wrapped,
    options.systemMetricsIntervalMs ?? (wrapped ? 0 : 10_000),
  );
  if (options.finishOnExit ?? true) finishOnExit(run);
  return run;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/** Flushes and finishes on a normal exit and on SIGINT/SIGTERM, then lets the process end. */
function finishOnExit(run: Run): void {
  let exiting = false;
  process.once('beforeExit', () => {
    if (!exiting) void run.finish(process.exitCode ? Number(process.exitCode) : 0);
  });
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      exiting = true;
      void run.finish(code, { timeoutMs: 10_000 }).finally(() => process.exit(code));
    });
  }
}
