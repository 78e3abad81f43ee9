import { ConsoleCapture } from './console-capture.js';
import { SystemSampler } from './system-metrics.js';
import type { ConsoleLine, HistoryRow, Sender } from './sender.js';

type LogValue = number | boolean;

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
  url: string;
  /** The team's default for code saving, read at init. */
  codeSavingDefault: boolean;
}

/** A run being logged. Every method only queues work: none of them waits for the network. */
export class Run {
  private step: number;
  private row: Record<string, HistoryRow['values'][string]> = {};
  private finished = false;
  private capture: ConsoleCapture | undefined;
  private systemTimer: NodeJS.Timeout | undefined;

  readonly config = {
    update: (values: Record<string, unknown>) => this.sender.updateConfig(values),
  };

  readonly summary = {
    /** Sets summary values explicitly (a later log() of the same key replaces them again). */
    set: (values: Record<string, unknown>) => this.sender.updateSummary(values),
  };

  constructor(
    readonly info: RunInfo,
    private readonly sender: Sender,
    lastStep: number,
    captureConsole: boolean,
    systemMetricsIntervalMs: number,
  ) {
    this.step = lastStep + 1;
    if (captureConsole) this.capture = new ConsoleCapture((line) => sender.setConsoleLine(line));
    if (systemMetricsIntervalMs > 0) {
      const sampler = new SystemSampler();
      this.systemTimer = setInterval(() => {
        void sampler
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
    }
    if (options.commit !== false) this.commitRow();
  }

  private commitRow(): void {
    for (const _key in this.row) {
      this.sender.addHistory({ step: this.step, values: this.row });
      this.row = {};
      this.step++;
      return;
    }
  }

  /** Sends everything left and marks the run finished (exit code 0) or failed (non-zero). */
  async finish(exitCode = 0, options: { timeoutMs?: number } = {}): Promise<boolean> {
    if (this.finished) return true;
    this.commitRow();
    this.finished = true;
    this.capture?.stop();
    clearInterval(this.systemTimer);
    return this.sender.drain({ exitCode }, options.timeoutMs);
  }
}
