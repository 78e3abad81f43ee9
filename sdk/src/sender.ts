import { backoffMs, HttpError, postJson } from './http.js';

export interface HistoryRow {
  step: number;
  values: Record<string, number | 'NaN' | 'Infinity' | '-Infinity'>;
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

interface StreamAck {
  historyOffset: number;
  systemOffset: number;
  state: string;
  stopRequested: boolean;
}

export interface SenderOptions {
  streamUrl: string;
  apiKey: string;
  historyOffset: number;
  systemOffset: number;
  /** Flush at least this often. */
  intervalMs?: number;
  /** Flush early once this many rows wait. */
  batchRows?: number;
  /** With nothing to send, still tell the server the run is alive this often. */
  heartbeatMs?: number;
  onStop?: () => void;
  onWarning?: (message: string) => void;
}

/**
 * The background half of the SDK: `log()` only appends here; batches go out every second or
 * when full, and stay queued until the server acknowledges them (offsets make retries
 * safe). Network trouble is retried with backoff and never reaches the training loop.
 */
export class Sender {
  private history: HistoryRow[] = [];
  /** Server offset of history[0]. */
  private historyOffset: number;
  private system: SystemRow[] = [];
  private systemOffset: number;
  private consoleLines = new Map<number, ConsoleLine>();
  private summary: Record<string, unknown> = {};
  private config: Record<string, unknown> = {};
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
    this.timer = setInterval(() => void this.flush().catch(() => {}), options.intervalMs ?? 1000);
    this.timer.unref();
  }

  get pendingRows(): number {
    return this.history.length;
  }

  addHistory(row: HistoryRow): void {
    this.history.push(row);
    if (this.history.length >= this.batchRows && !this.inFlight) void this.flush().catch(() => {});
  }

  addSystem(row: SystemRow): void {
    this.system.push(row);
  }

  setConsoleLine(line: ConsoleLine): void {
    this.consoleLines.set(line.lineNo, line);
  }

  updateSummary(values: Record<string, unknown>): void {
    Object.assign(this.summary, values);
  }

  updateConfig(values: Record<string, unknown>): void {
    Object.assign(this.config, values);
  }

  /** Sends what is queued (one batch); resolves when the server has it or the try failed. */
  flush(finish?: { exitCode: number }): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.flush(finish));
    this.inFlight = this.sendOnce(finish).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async sendOnce(finish?: { exitCode: number }): Promise<void> {
    if (Date.now() < this.retryAt && !finish) return;
    const rows = this.history.slice(0, this.batchRows);
    const systemRows = this.system.slice(0, 1000);
    const lines = [...this.consoleLines.values()];
    const summary = { ...this.summary };
    const config = { ...this.config };
    const empty =
      rows.length === 0 &&
      lines.length === 0 &&
      !Object.keys(summary).length &&
      !Object.keys(config).length;
    const heartbeatDue = Date.now() - this.lastContact >= (this.options.heartbeatMs ?? 30_000);
    if (empty && !finish && !heartbeatDue) return;
    const carriesFinish =
      !!finish && rows.length === this.history.length && systemRows.length === this.system.length;
    const body = {
      ...(rows.length ? { history: { offset: this.historyOffset, rows } } : {}),
      ...(systemRows.length ? { system: { offset: this.systemOffset, rows: systemRows } } : {}),
      ...(lines.length ? { console: lines } : {}),
      ...(Object.keys(summary).length ? { summary } : {}),
      ...(Object.keys(config).length ? { config } : {}),
      // Finish only once everything before it went out.
      ...(carriesFinish ? { finish } : {}),
    };
    try {
      const ack = await postJson<StreamAck>(this.options.streamUrl, this.options.apiKey, body);
      const acknowledged = Math.max(
        0,
        Math.min(this.history.length, ack.historyOffset - this.historyOffset),
      );
      this.history.splice(0, acknowledged);
      this.historyOffset = ack.historyOffset;
      this.system.splice(
        0,
        Math.max(0, Math.min(this.system.length, ack.systemOffset - this.systemOffset)),
      );
      this.systemOffset = ack.systemOffset;
      for (const line of lines)
        if (this.consoleLines.get(line.lineNo) === line) this.consoleLines.delete(line.lineNo);
      for (const key of Object.keys(summary))
        if (this.summary[key] === summary[key]) delete this.summary[key];
      for (const key of Object.keys(config))
        if (this.config[key] === config[key]) delete this.config[key];
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
      this.history.splice(0, rows.length);
      this.system.splice(0, systemRows.length);
      for (const line of lines) this.consoleLines.delete(line.lineNo);
      for (const key of Object.keys(summary)) delete this.summary[key];
      for (const key of Object.keys(config)) delete this.config[key];
    }
  }

  /**
   * Sends everything that is left, then the finish marker; retries through network trouble
   * for up to `timeoutMs`. Resolves false when the server could not be reached in time.
   */
  async drain(finish: { exitCode: number }, timeoutMs = 60_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    clearInterval(this.timer);
    while (!this.finishAcknowledged) {
      try {
        await this.flush(finish);
      } catch {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(50, this.retryAt - Date.now())),
        );
      }
      if (Date.now() > deadline) return false;
    }
    return true;
  }
}
