import {
  logArtifact,
  downloadArtifact,
  type ArtifactApi,
  type ArtifactVersion,
  type LogArtifactOptions,
  type UseArtifactOptions,
} from './artifacts.js';
import { ConsoleCapture } from './console-capture.js';
import { RunFiles, type SaveOptions } from './files.js';
import { sendJson } from './http.js';
import { stageImage, type MediaLogValue } from './media.js';
import { removeResumeFile } from './resume-file.js';
import { SystemSampler } from './system-metrics.js';
import type { ConsoleLine, HistoryRow, HistoryValue, Sender } from './sender.js';

type LogValue = number | boolean | MediaLogValue;

/** JSON cannot carry NaN or ±Infinity; the protocol spells them as strings. */
function encode(value: number): HistoryRow['values'][string] {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  return value;
}

export interface RunInfo {
  id: string;
  entity: string;
  project: string;
  /** The run page online; the local run directory offline. */
  url: string;
  mode: 'online' | 'offline' | 'disabled';
  /** The local run directory (offline runs; online runs spill their queue there). */
  dir: string | undefined;
  /** Online only: the run's API address and key, for calls outside the stream. */
  api: { runUrl: string; apiKey: string } | undefined;
  /** The team's default for code saving, read at init. */
  codeSavingDefault: boolean;
  /** The first console line number of this session (a resumed run continues its log). */
  consoleOffset: number;
  /** `resume: 'auto'`: the file naming this run, removed when it finishes cleanly. */
  resumeFile?: string;
}

export type AlertLevel = 'INFO' | 'WARN' | 'ERROR';

export interface AlertOptions {
  title: string;
  text: string;
  level?: AlertLevel;
  /** Seconds: another alert with the same title within this time is not sent again. */
  waitDuration?: number;
}

/** One layer of the model summary (the run's Model tab). */
export interface ModelLayer {
  name: string;
  type: string;
  parameterCount: number;
  outputShape?: string | (number | null)[] | null;
  trainable?: boolean | null;
}

/** A run being logged. Every method only queues work: none of them waits for the network. */
export class Run {
  private step: number;
  private row: Record<string, HistoryRow['values'][string]> = {};
  private finished = false;
  private preempting = false;
  private capture: ConsoleCapture | undefined;
  private systemTimer: NodeJS.Timeout | undefined;

  readonly config = {
    update: (values: Record<string, unknown>) => this.sender.updateConfig(values),
  };

  readonly summary = {
    /** Sets summary values explicitly (a later log() of the same key replaces them again). */
    set: (values: Record<string, unknown>) => this.sender.updateSummary(values),
  };

  /**
   * Chooses what the summary shows for a metric, like W&B's define_metric: its `last` value
   * (the default), `min`, `max`, `mean`, or `none`. Counts what was logged before, too.
   */
  defineMetric(
    key: string,
    { summary }: { summary: 'last' | 'min' | 'max' | 'mean' | 'none' },
  ): void {
    this.sender.defineSummaryMetrics({ [key]: summary });
  }

  constructor(
    readonly info: RunInfo,
    private readonly sender: Sender,
    lastStep: number,
    captureConsole: boolean,
    systemMetricsIntervalMs: number,
    sampler?: SystemSampler,
  ) {
    this.step = lastStep + 1;
    if (captureConsole)
      this.capture = new ConsoleCapture((line) => sender.setConsoleLine(line), info.consoleOffset);
    if (systemMetricsIntervalMs > 0) {
      sampler ??= new SystemSampler();
      this.systemTimer = setInterval(() => {
        void sampler!
          .sample()
          .then((values) => sender.addSystem({ timestamp: Date.now() / 1000, values }))
          .catch(() => {});
      }, systemMetricsIntervalMs);
      this.systemTimer.unref();
    }
  }

  get id(): string {
    return this.info.id;
  }

  /** Rows logged but not yet acknowledged by the server. */
  get pendingRows(): number {
    return this.sender.pendingRows;
  }

  /** Records (or rewrites) one line of console output, e.g. from a wrapped program. */
  recordConsoleLine(line: ConsoleLine): void {
    if (!this.finished) this.sender.setConsoleLine(line);
  }

  /** True once someone stopped the run from the UI or API. */
  get stopRequested(): boolean {
    return this.sender.stopRequested;
  }

  /**
   * Records metrics for a step (the current one by default, which then advances). With
   * `commit: false` the values join the current step, which stays open for more.
   */
  log(values: Record<string, LogValue>, options: { step?: number; commit?: boolean } = {}): void {
    if (this.finished) return;
    if (options.step !== undefined && options.step !== this.step) {
      this.commitRow();
      if (options.step > this.step) this.step = options.step;
    }
    for (const key in values) {
      const value = values[key];
      if (typeof value === 'number') this.row[key] = encode(value);
      else if (typeof value === 'boolean') this.row[key] = value ? 1 : 0;
      else if (typeof value === 'string') this.row[key] = value.slice(0, 4096);
      else if (value && typeof value === 'object') this.row[key] = this.mediaValue(key, value);
    }
    if (options.commit !== false) this.commitRow();
  }

  /** Histograms and tables go as they are; an image's bytes are saved as a run file first. */
  private mediaValue(key: string, value: Exclude<MediaLogValue, string>): HistoryValue {
    if (value._type !== 'image-source') return value;
    try {
      const staged = stageImage(key, this.step, value);
      this.save(staged.file, { policy: 'now', basePath: staged.root });
      return {
        _type: 'image',
        path: staged.path,
        ...(value.caption && { caption: value.caption }),
      };
    } catch (error) {
      process.emitWarning(`sextant: image ${key} not logged: ${(error as Error).message}`);
      return 'image not logged';
    }
  }

  private commitRow(): void {
    for (const _key in this.row) {
      // Wall-clock time of the step (seconds since the epoch), so charts can plot against
      // wall time and time since the start; stored as the `_timestamp` history series.
      this.row._timestamp = Date.now() / 1000;
      this.sender.addHistory({ step: this.step, values: this.row });
      this.row = {};
      this.step++;
      return;
    }
  }

  /**
   * Marks the run as being preempted (the machine is being taken away, e.g. a spot
   * instance reclaimed or a scheduler's SIGTERM): `finish` then reports it, and the run
   * shows as preempted rather than failed; `init` with the same id resumes it later.
   */
  markPreempting(): void {
    this.preempting = true;
  }

  get isPreempting(): boolean {
    return this.preempting;
  }

  /**
   * Sends a custom alert (email/Slack per the alert settings). Resolves true when queued,
   * false when rate-limited by `waitDuration` or when it could not be delivered; never
   * throws into training code (a failure is a warning). Offline runs have no alerts.
   */
  async alert(options: AlertOptions): Promise<boolean> {
    const api = this.info.api;
    if (!api) return false;
    try {
      const answer = await sendJson<{ queued: boolean }>(
        'POST',
        `${api.runUrl}/alerts`,
        api.apiKey,
        {
          title: options.title,
          text: options.text,
          level: options.level ?? 'INFO',
          ...(options.waitDuration !== undefined && { waitDurationSeconds: options.waitDuration }),
        },
        10_000,
      );
      return answer.queued;
    } catch (error) {
      process.emitWarning(
        `sextant: alert "${options.title}" not sent: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /**
   * Records the model's layers for the Model tab (replacing an earlier summary). Offline
   * runs keep it in model.json, which `sextant sync` uploads. Never throws.
   */
  async setModelSummary(layers: ModelLayer[]): Promise<boolean> {
    try {
      if (this.info.mode === 'offline' && this.info.dir) {
        const { writeFile } = await import('node:fs/promises');
        const { join } = await import('node:path');
        await writeFile(join(this.info.dir, 'model.json'), JSON.stringify({ layers }));
        return true;
      }
      const api = this.info.api;
      if (!api) return false;
      await sendJson('PUT', `${api.runUrl}/model`, api.apiKey, { layers }, 30_000);
      return true;
    } catch (error) {
      process.emitWarning(`sextant: model summary not saved: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * Sends everything left and marks the run finished (exit code 0), failed (non-zero), or
   * preempted (after `markPreempting`).
   */
  async finish(exitCode = 0, options: { timeoutMs?: number } = {}): Promise<boolean> {
    if (this.finished) return true;
    this.commitRow();
    this.finished = true;
    this.capture?.stop();
    clearInterval(this.systemTimer);
    await this.files?.finish(options.timeoutMs);
    const delivered = await this.sender.drain(
      { exitCode, ...(this.preempting && { preempted: true }) },
      options.timeoutMs,
    );
    // Finished cleanly: `resume: 'auto'` starts a new run next time.
    if (delivered && exitCode === 0 && !this.preempting && this.info.resumeFile)
      await removeResumeFile(this.info.resumeFile, this.info.id).catch(() => {});
    return delivered;
  }

  // ─── Files (sdk/src/files.ts) ───

  private files: RunFiles | undefined;

  /**
   * Uploads a file to the run: `now` once, `live` (default) now and whenever it changes,
   * `end` when the run finishes. Returns at once; uploads resume after failures and never
   * throw into training code (a refused upload, e.g. over the storage limit, is a warning).
   */
  save(localPath: string, options: SaveOptions = {}): void {
    if (this.finished) return;
    const api = this.info.api;
    if (!api) {
      process.emitWarning(
        `sextant: save(${localPath}) needs an online run; the file was not saved`,
      );
      return;
    }
    this.files ??= new RunFiles(api);
    this.files.save(localPath, options);
  }

  // ─── Artifacts (sdk/src/artifacts.ts) ───

  private artifactApi(): ArtifactApi | undefined {
    const api = this.info.api;
    if (!api) return undefined;
    return {
      baseUrl: api.runUrl.slice(0, api.runUrl.indexOf('/api/v1/runs/')),
      apiKey: api.apiKey,
      entity: this.info.entity,
      project: this.info.project,
    };
  }

  /**
   * Logs an artifact version as an output of this run (new content → a new vN, same content →
   * the existing version). Never throws into training code: a failure is a warning and
   * resolves undefined.
   */
  async logArtifact(options: LogArtifactOptions): Promise<ArtifactVersion | undefined> {
    const api = this.artifactApi();
    try {
      if (!api) throw new Error('needs an online run');
      return await logArtifact(api, this.info.id, options);
    } catch (error) {
      process.emitWarning(
        `sextant: artifact "${options.name}" not logged: ${(error as Error).message}`,
      );
      return undefined;
    }
  }

  /**
   * Uses `name:alias` or `name:vN` (default latest) as an input of this run and returns the
   * local directory holding its files (cached by sha256). Throws: the program needs the data.
   */
  async useArtifact(ref: string, options: UseArtifactOptions = {}): Promise<string> {
    const api = this.artifactApi();
    if (!api) throw new Error(`sextant: useArtifact(${ref}) needs an online run`);
    return (await downloadArtifact(api, this.info.id, ref, options)).dir;
  }
}
