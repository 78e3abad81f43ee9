import os from 'node:os';
import path from 'node:path';
import { collectCode, readGitState, type GitState } from './code-saving.js';
import { resolveCredentials } from './credentials.js';
import { postJson } from './http.js';
import {
  createOfflineRun,
  discardTransport,
  offlineTransport,
  runDirectoryName,
  sextantRoot,
} from './offline.js';
import { readResumeFile, resumeFilePath, writeResumeFile } from './resume-file.js';
import { Run, type RunInfo } from './run.js';
import type { SystemSampler } from './system-metrics.js';
import { Sender, spillDirOf, type StreamAck, type Transport } from './sender.js';

export { Run } from './run.js';
export { histogram, image, table } from './media.js';
export type { ArtifactVersion, LogArtifactOptions, UseArtifactOptions } from './artifacts.js';
export type { AlertLevel, AlertOptions, ModelLayer } from './run.js';

export const resumeModes = ['allow', 'must', 'never', 'auto'] as const;
export type ResumeMode = (typeof resumeModes)[number];

/** online: send to the server; offline: write a local run directory for `sextant sync`; disabled: drop everything. */
export type Mode = 'online' | 'offline' | 'disabled';

export interface InitOptions {
  project: string;
  /**
   * Save the code with the run: `diff.patch` of uncommitted changes, the entry script and
   * package.json / requirements.txt. Default SEXTANT_SAVE_CODE, else the team's setting.
   */
  saveCode?: boolean;
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
  /** Default SEXTANT_MODE, else online. */
  mode?: Mode;
  /**
   * W&B's resume modes (online runs). 'allow' (the default): an `id` that exists continues
   * that run, which is running again (also after it finished, failed, crashed or was
   * preempted); otherwise a new run. 'must': continue the run `id`, and fail (404) if it
   * does not exist. 'never': start a new run, and fail (409) if `id` exists. 'auto': without
   * an `id`, continue the last 'auto' run started in this folder (the sextant folder keeps
   * a resume file) unless it finished with exit code 0; otherwise a new run.
   */
  resume?: ResumeMode;
  /** Forget history from this step on when resuming. */
  resumeFromStep?: number;
  /** Defaults: SEXTANT_API_KEY and SEXTANT_BASE_URL (http://localhost:3000). */
  apiKey?: string;
  baseUrl?: string;
  /** Folder for local run directories (offline runs, spilled queues). Default SEXTANT_DIR or ./sextant. */
  dir?: string;
  /** Mirror stdout/stderr into the run's console log (default true). */
  captureConsole?: boolean;
  /** Finish the run when the process exits or is interrupted (default true). */
  finishOnExit?: boolean;
  /** Flush interval of the background sender. */
  flushIntervalMs?: number;
  /** History rows held in memory while the server is slow or away; later ones spill to disk. Default 20,000. */
  memoryQueueRows?: number;
  /** How often to sample system metrics (CPU, memory, disk, network, GPU); 0 turns them off. Default SEXTANT_SYSTEM_METRICS_INTERVAL_MS or 10 s. */
  systemMetricsIntervalMs?: number;
  /** The system-metrics sampler (the CLI passes one that also follows its child's process tree). */
  systemSampler?: SystemSampler;
  /** Service accounts: the team member to attribute the run to (default SEXTANT_USERNAME). */
  attributeTo?: string;
}

interface RunHandle {
  runId: string;
  entity: string;
  project: string;
  historyOffset: number;
  systemOffset: number;
  lastStep: number;
  /** Absent from servers older than resume modes. */
  consoleOffset?: number;
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

function resolveMode(mode: string | undefined): Mode {
  const value = mode ?? process.env.SEXTANT_MODE ?? 'online';
  if (value === 'online' || value === 'offline' || value === 'disabled') return value;
  throw new Error(`sextant: mode must be online, offline or disabled (got "${value}")`);
}

/** What the server keeps about the run besides its streams: the body of the run upsert. */
function upsertBody(options: InitOptions, git: GitState): Record<string, unknown> {
  const attributeTo = options.attributeTo ?? process.env.SEXTANT_USERNAME;
  return {
    ...(options.name !== undefined && { displayName: options.name }),
    ...(options.notes !== undefined && { notes: options.notes }),
    ...(options.tags !== undefined && { tags: options.tags }),
    ...(options.group !== undefined && { group: options.group }),
    ...(options.jobType !== undefined && { jobType: options.jobType }),
    ...(options.config !== undefined && { config: options.config }),
    ...(options.resumeFromStep !== undefined && { resumeFromStep: options.resumeFromStep }),
    ...(attributeTo && { attributeTo }),
    host: os.hostname(),
    os: `${process.platform} ${process.arch}`,
    languageVersion: `node ${process.version}`,
    program: process.argv[1] ?? null,
    command: process.argv.join(' ').slice(0, 4000),
    ...(git.remote && { gitRemote: git.remote.slice(0, 1024) }),
    ...(git.commit && { gitCommit: git.commit }),
  };
}

/**
 * Starts (or resumes) a run and returns it. Online, this is the one call that waits for the
 * server; everything after it is queued and sent in the background. Offline, nothing
 * touches the network: the run is written to a local directory for `sextant sync`.
 */
export async function init(options: InitOptions): Promise<Run> {
  const mode = resolveMode(options.mode);
  // Inside `sextant run`, the CLI already records console output and system metrics.
  const wrapped = process.env.SEXTANT_WRAPPED === '1';
  const root = sextantRoot(options.dir);
  const resumeFile =
    mode === 'online' && options.resume === 'auto'
      ? resumeFilePath(root, options.project)
      : undefined;
  const id =
    options.id ??
    process.env.SEXTANT_RUN_ID ??
    (resumeFile &&
      (await readResumeFile(
        resumeFile,
        options.project,
        options.entity ?? process.env.SEXTANT_ENTITY,
      ))) ??
    randomId();
  const gitState = await readGitState();
  const body = upsertBody(options, gitState);
  let handle: RunHandle;
  let transport: Transport;
  let runDir: string | undefined;
  let api: RunInfo['api'];
  let url: string;

  if (mode === 'online') {
    const credentials = await resolveCredentials({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
    });
    const apiKey = credentials.apiKey;
    if (!apiKey)
      throw new Error(
        'sextant: run `sextant login`, set SEXTANT_API_KEY, or pass apiKey to init() (or use mode: "offline")',
      );
    const baseUrl = (credentials.baseUrl ?? 'http://localhost:3000').replace(/\/$/, '');
    const entity = options.entity ?? process.env.SEXTANT_ENTITY ?? (await whoami(baseUrl, apiKey));
    const runPath = (runId: string) =>
      `${baseUrl}/api/v1/runs/${encodeURIComponent(entity)}/${encodeURIComponent(options.project)}/${encodeURIComponent(runId)}`;
    handle = await postJson<RunHandle>(runPath(id), apiKey, {
      ...body,
      // Offline runs leave it out: `sextant sync` may upsert the same run more than once.
      ...(options.resume && { resume: options.resume }),
    });
    if (resumeFile) {
      await writeResumeFile(resumeFile, {
        format: 1,
        runId: handle.runId,
        entity: handle.entity,
        project: handle.project,
        startedAt: new Date().toISOString(),
      }).catch((error: Error) =>
        process.emitWarning(`sextant: resume file not written: ${error.message}`),
      );
    }
    const runUrl = runPath(handle.runId);
    transport = (batch) => postJson<StreamAck>(`${runUrl}/stream`, apiKey, batch);
    api = { runUrl, apiKey };
    url = `${baseUrl}/${handle.entity}/${handle.project}/runs/${handle.runId}`;
    // Created only if the queue ever has to spill.
    runDir = path.join(root, runDirectoryName('run', handle.runId));
  } else {
    const entity = options.entity ?? process.env.SEXTANT_ENTITY;
    handle = {
      runId: id,
      entity: entity ?? '',
      project: options.project,
      historyOffset: 0,
      systemOffset: 0,
      lastStep: -1,
      codeSavingDefault: false,
    };
    if (mode === 'offline') {
      runDir = path.join(root, runDirectoryName('offline-run', id));
      await createOfflineRun(runDir, {
        format: 1,
        project: options.project,
        ...(entity && { entity }),
        runId: id,
        createdAt: new Date().toISOString(),
        upsert: body,
      });
      transport = offlineTransport(runDir);
      url = runDir;
    } else {
      transport = discardTransport;
      url = '';
    }
  }

  const info: RunInfo = {
    id: handle.runId,
    entity: handle.entity,
    project: handle.project,
    url,
    mode,
    dir: runDir,
    api,
    codeSavingDefault: handle.codeSavingDefault,
    consoleOffset: handle.consoleOffset ?? 0,
    resumeFile,
  };
  const sender = new Sender({
    transport,
    historyOffset: handle.historyOffset,
    systemOffset: handle.systemOffset,
    spillDir: spillDirOf(runDir ?? path.join(root, `disabled-${id}`)),
    intervalMs: options.flushIntervalMs,
    memoryRows: options.memoryQueueRows,
    heartbeatMs: Number(process.env.SEXTANT_HEARTBEAT_MS ?? 30_000),
    onWarning: (message) => process.emitWarning(message),
  });
  const run = new Run(
    info,
    sender,
    handle.lastStep,
    options.captureConsole ?? !wrapped,
    options.systemMetricsIntervalMs ??
      (wrapped ? 0 : Number(process.env.SEXTANT_SYSTEM_METRICS_INTERVAL_MS ?? 10_000)),
    options.systemSampler,
  );
  if (options.finishOnExit ?? true) finishOnExit(run);
  if (mode === 'online' && wantsCodeSaving(options, handle.codeSavingDefault)) {
    const code = await collectCode(gitState);
    for (const file of code?.files ?? []) {
      run.save(path.join(code!.folder, file), { policy: 'now', basePath: code!.folder });
    }
  }
  return run;
}

/** `saveCode`, else SEXTANT_SAVE_CODE (true/false), else the team's "code saving by default". */
function wantsCodeSaving(options: InitOptions, teamDefault: boolean): boolean {
  if (options.saveCode !== undefined) return options.saveCode;
  const env = process.env.SEXTANT_SAVE_CODE?.toLowerCase();
  if (env === 'true' || env === '1') return true;
  if (env === 'false' || env === '0') return false;
  return teamDefault;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/**
 * Flushes and finishes on a normal exit and on SIGINT/SIGTERM, then lets the process end.
 * SIGTERM is what schedulers (Slurm, Kubernetes, spot reclaims) send before taking the
 * machine away, so a run ended by SIGTERM is reported as preempted: it may resume later.
 */
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
      if (signal === 'SIGTERM') run.markPreempting();
      void run.finish(code, { timeoutMs: 10_000 }).finally(() => process.exit(code));
    });
  }
}
