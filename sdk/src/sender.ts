import path from 'node:path';
import { backoffMs, HttpError } from './http.js';
import { SpillQueue } from './spill-queue.js';

/** A history value: a number (NaN and ±Infinity spelled as strings), text, or a media object. */
export type HistoryValue =
  | number
  | 'NaN'
  | 'Infinity'
  | '-Infinity'
  | string
  | { _type: 'histogram'; bins: number[]; counts: number[] }
  | { _type: 'table'; columns: string[]; data: (number | string | boolean | null)[][] }
  | { _type: 'image'; path: string; caption?: string };

export interface HistoryRow {
  step: number;
  values: Record<string, HistoryValue>;
}

export interface SystemRow {
  /** Seconds since the epoch. */
  timestamp: number;
  values: Record<string, number>;
}

export interface ConsoleLine {
  lineNo: number;
  text: string;
  stream: 'stdout' | 'stderr';
}

export interface FinishMarker {
  exitCode: number;
  /** The program was preempted (e.g. SIGTERM from a scheduler) and may resume later. */
  preempted?: boolean;
}

/** One POST to the stream endpoint; offline runs append exactly these to batches.jsonl. */
export interface StreamBody {
  history?: { offset: number; rows: HistoryRow[] };
  system?: { offset: number; rows: SystemRow[] };
  console?: ConsoleLine[];
  summary?: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** How the summary shows each metric (define_metric): "last", "min", "max", "mean", "none". */
  summaryMetrics?: Record<string, string>;
  finish?: FinishMarker;
}

/** Key/value updates waiting to go out (config, summary, metric definitions); the newest value per key wins. */
class PendingUpdates<T> {
  private values: Record<string, T> = {};
  set(values: Record<string, T>): void {
    Object.assign(this.values, values);
  }
  snapshot(): Record<string, T> | undefined {
    return Object.keys(this.values).length ? { ...this.values } : undefined;
  }
  /** Forgets what went out, unless a newer value replaced it meanwhile. */
  acknowledge(sent: Record<string, T> | undefined): void {
    for (const key of Object.keys(sent ?? {}))
      if (this.values[key] === sent![key]) delete this.values[key];
  }
  discard(sent: Record<string, T> | undefined): void {
    for (const key of Object.keys(sent ?? {})) delete this.values[key];
  }
}

export interface StreamAck {
  historyOffset: number;
  systemOffset: number;
  state: string;
  stopRequested: boolean;
}

/** Where batches go: the server (online), a local run directory (offline), or nowhere. */
export type Transport = (body: StreamBody) => Promise<StreamAck>;

export interface SenderOptions {
  transport: Transport;
  historyOffset: number;
  systemOffset: number;
  /** Folder for the on-disk queue, created only when memory fills up. */
  spillDir: string;
  /** Flush at least this often. */
  intervalMs?: number;
  /** Rows per request (and the early-flush threshold). */
  batchRows?: number;
  /** History rows kept in memory before newer ones spill to disk (default 20,000). */
  memoryRows?: number;
  /** With nothing to send, still tell the server the run is alive this often. */
  heartbeatMs?: number;
  onStop?: () => void;
  onWarning?: (message: string) => void;
}

const maxSystemRows = 1000;
const maxConsoleLines = 5000;

/**
 * The background half of the SDK: `log()` only appends here; batches go out every second or
 * when full, and stay queued until the server acknowledges them (offsets make retries
 * safe). Network trouble is retried with backoff and never reaches the training loop; while
 * the server is away the queues keep a bounded number of rows in memory and spill the rest
 * to the run's local directory, to be replayed in order when it is back.
 */
export class Sender {
  private readonly history: SpillQueue<HistoryRow>;
  /** Server offset of the first queued history row. */
  private historyOffset: number;
  private readonly system: SpillQueue<SystemRow>;
  private systemOffset: number;
  private readonly consoleLines: SpillQueue<ConsoleLine>;
  private readonly summary = new PendingUpdates<unknown>();
  private readonly config = new PendingUpdates<unknown>();
  private readonly summaryMetrics = new PendingUpdates<string>();
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private attempt = 0;
  private retryAt = 0;
  private readonly batchRows: number;
  private finishAcknowledged = false;
  private lastContact = Date.now();
  stopRequested = false;

  constructor(private readonly options: SenderOptions) {
    this.historyOffset = options.historyOffset;
    this.systemOffset = options.systemOffset;
    this.batchRows = options.batchRows ?? 2000;
    const memoryRows = Math.max(this.batchRows, options.memoryRows ?? 20_000);
    const queue = (name: string, maxMemory: number, segmentSize: number) => ({
      name,
      dir: () => options.spillDir,
      maxMemory,
      segmentSize,
      onWarning: options.onWarning,
    });
    this.history = new SpillQueue<HistoryRow>(
      queue('history', memoryRows, Math.max(100, Math.min(5000, memoryRows >> 2))),
    );
    this.system = new SpillQueue<SystemRow>(queue('system', 2 * maxSystemRows, 500));
    this.consoleLines = new SpillQueue<ConsoleLine>({
      ...queue('console', 2 * maxConsoleLines, 2000),
      // A line redrawn (progress bar) replaces its queued self instead of queueing again.
      replaces: (last, next) => last.lineNo === next.lineNo,
    });
    this.timer = setInterval(() => void this.flush().catch(() => {}), options.intervalMs ?? 1000);
    this.timer.unref();
  }

  /** Rows logged but not yet acknowledged (in memory or spilled to disk). */
  get pendingRows(): number {
    return this.history.length;
  }

  /** Segment files written to disk because the server could not keep up. */
  get spilledSegments(): number {
    return this.history.spilled + this.system.spilled + this.consoleLines.spilled;
  }

  addHistory(row: HistoryRow): void {
    this.history.push(row);
    if (this.history.length >= this.batchRows && !this.inFlight && Date.now() >= this.retryAt)
      void this.flush().catch(() => {});
  }

  addSystem(row: SystemRow): void {
    this.system.push(row);
  }

  setConsoleLine(line: ConsoleLine): void {
    this.consoleLines.push(line);
  }

  updateSummary(values: Record<string, unknown>): void {
    this.summary.set(values);
  }

  updateConfig(values: Record<string, unknown>): void {
    this.config.set(values);
  }

  defineSummaryMetrics(choices: Record<string, string>): void {
    this.summaryMetrics.set(choices);
  }

  /** Sends what is queued (one batch); resolves when the server has it or the try failed. */
  flush(finish?: FinishMarker): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.flush(finish));
    this.inFlight = this.sendOnce(finish).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async sendOnce(finish?: FinishMarker): Promise<void> {
    if (Date.now() < this.retryAt && !finish) return;
    const rows = await this.history.peek(this.batchRows);
    const systemRows = await this.system.peek(maxSystemRows);
    const lines = await this.consoleLines.peek(maxConsoleLines);
    const summary = this.summary.snapshot();
    const config = this.config.snapshot();
    const summaryMetrics = this.summaryMetrics.snapshot();
    const empty =
      rows.length === 0 &&
      systemRows.length === 0 &&
      lines.length === 0 &&
      !summary &&
      !config &&
      !summaryMetrics;
    const heartbeatDue = Date.now() - this.lastContact >= (this.options.heartbeatMs ?? 30_000);
    if (empty && !finish && !heartbeatDue) return;
    // Finish only once everything before it went out.
    const carriesFinish =
      !!finish &&
      rows.length === this.history.length &&
      systemRows.length === this.system.length &&
      lines.length === this.consoleLines.length;
    const body: StreamBody = {
      ...(rows.length ? { history: { offset: this.historyOffset, rows } } : {}),
      ...(systemRows.length ? { system: { offset: this.systemOffset, rows: systemRows } } : {}),
      ...(lines.length ? { console: lines } : {}),
      ...(summary && { summary }),
      ...(config && { config }),
      ...(summaryMetrics && { summaryMetrics }),
      ...(carriesFinish ? { finish } : {}),
    };
    try {
      const ack = await this.options.transport(body);
      const history = clamp(ack.historyOffset - this.historyOffset, rows.length);
      this.history.drop(history);
      this.historyOffset += history;
      const system = clamp(ack.systemOffset - this.systemOffset, systemRows.length);
      this.system.drop(system);
      this.systemOffset += system;
      this.consoleLines.drop(lines.length);
      this.summary.acknowledge(summary);
      this.config.acknowledge(config);
      this.summaryMetrics.acknowledge(summaryMetrics);
      this.attempt = 0;
      this.retryAt = 0;
      this.lastContact = Date.now();
      if (carriesFinish) this.finishAcknowledged = true;
      if (ack.stopRequested && !this.stopRequested) {
        this.stopRequested = true;
        this.options.onStop?.();
      }
    } catch (error) {
      if (error instanceof HttpError && error.retryable) {
        this.retryAt = Date.now() + backoffMs(this.attempt++);
        if (finish) throw error;
        return;
      }
      // The server refused this batch for good (bad data): drop it rather than block the run.
      this.options.onWarning?.(
        `sextant: dropped a batch the server refused: ${(error as Error).message}`,
      );
      this.history.drop(rows.length);
      this.system.drop(systemRows.length);
      this.consoleLines.drop(lines.length);
      this.summary.discard(summary);
      this.config.discard(config);
      this.summaryMetrics.discard(summaryMetrics);
    }
  }

  /**
   * Sends everything that is left, then the finish marker; retries through network trouble
   * for up to `timeoutMs`. Resolves false when the server could not be reached in time.
   */
  async drain(finish: FinishMarker, timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    clearInterval(this.timer);
    while (!this.finishAcknowledged) {
      try {
        await this.flush(finish);
      } catch {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(50, Math.min(this.retryAt, deadline) - Date.now())),
        );
      }
      if (Date.now() > deadline) return false;
    }
    await Promise.all([this.history.dispose(), this.system.dispose(), this.consoleLines.dispose()]);
    return true;
  }
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

/** The default spill folder of a run directory. */
export function spillDirOf(runDir: string): string {
  return path.join(runDir, 'spill');
}
