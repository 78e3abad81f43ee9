/**
 * Run files: `run.save(path, { policy })` uploads a file to the run through the server's
 * resumable upload protocol (POST …/files/uploads → PUT parts → POST …/complete). Parts that
 * fail are sent again with backoff; a restarted upload asks the server which parts it has
 * and sends only the others. Nothing here throws into training code: failures are warnings.
 */
import { createHash } from 'node:crypto';
import { createReadStream, unwatchFile, watchFile, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { backoffMs, HttpError, sendJson, sendRequest } from './http.js';

export type SavePolicy = 'now' | 'live' | 'end';

export interface SaveOptions {
  /** now: upload once, at once. live (default): now and again whenever it changes. end: when the run finishes. */
  policy?: SavePolicy;
  /** Paths on the run are relative to this folder (default: the working directory). */
  basePath?: string;
}

export interface UploadProgress {
  path: string;
  sentBytes: number;
  totalBytes: number;
  done: boolean;
}

export interface UploadTarget {
  /** `<baseUrl>/api/v1/runs/<entity>/<project>/<run>` */
  runUrl: string;
  apiKey: string;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  /** Tries before giving up on network errors, 429 and 5xx (default 8). */
  maxAttempts?: number;
  /** First backoff in ms (default 500, doubling, capped at 30 s, with jitter). */
  backoffBaseMs?: number;
}

export interface UploadedFile {
  path: string;
  size: number;
  sha256: string;
}

type UploadState =
  | { status: 'complete'; file: UploadedFile }
  | {
      status: 'pending';
      uploadId: string;
      partSize: number;
      partCount: number;
      receivedParts: number[];
    };

/** sha256 and size of a file, streamed (never the whole file in memory). */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Uploads one file as `remotePath` of the run, resuming after failures. Throws an HttpError
 * when the server refuses for good (quota, permission, bad input) or the retries run out.
 */
export async function uploadFile(
  target: UploadTarget,
  localPath: string,
  remotePath: string,
  options: UploadOptions = {},
): Promise<UploadedFile> {
  const maxAttempts = options.maxAttempts ?? 8;
  let { sha256, size } = await hashFile(localPath);
  let rehashed = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const state = await sendJson<UploadState>(
        'POST',
        `${target.runUrl}/files/uploads`,
        target.apiKey,
        { path: remotePath, size, sha256 },
      );
      if (state.status === 'complete') {
        options.onProgress?.({ path: remotePath, sentBytes: size, totalBytes: size, done: true });
        return state.file;
      }
      const received = new Set(state.receivedParts);
      const partBytes = (n: number) =>
        n < state.partCount ? state.partSize : size - state.partSize * (state.partCount - 1);
      let sent = state.receivedParts.reduce((sum, n) => sum + partBytes(n), 0);
      options.onProgress?.({ path: remotePath, sentBytes: sent, totalBytes: size, done: false });
      for (let n = 1; n <= state.partCount; n++) {
        if (received.has(n)) continue;
        const start = (n - 1) * state.partSize;
        await putPart(
          `${target.runUrl}/files/uploads/${encodeURIComponent(state.uploadId)}/parts/${n}`,
          target.apiKey,
          localPath,
          start,
          partBytes(n),
        );
        sent += partBytes(n);
        options.onProgress?.({ path: remotePath, sentBytes: sent, totalBytes: size, done: false });
      }
      const done = await sendJson<{ file: UploadedFile }>(
        'POST',
        `${target.runUrl}/files/uploads/${encodeURIComponent(state.uploadId)}/complete`,
        target.apiKey,
        {},
        120_000,
      );
      options.onProgress?.({ path: remotePath, sentBytes: size, totalBytes: size, done: true });
      return done.file;
    } catch (error) {
      const httpError = error instanceof HttpError ? error : new HttpError(0, String(error));
      // The file changed while it was being sent: hash it again and start over, once.
      if (
        httpError.status === 400 &&
        /sha256|received \d+ bytes/.test(httpError.message) &&
        !rehashed
      ) {
        ({ sha256, size } = await hashFile(localPath));
        rehashed = true;
        continue;
      }
      if (!httpError.retryable || attempt + 1 >= maxAttempts) throw httpError;
      await sleep(backoffMs(attempt, options.backoffBaseMs ?? 500));
    }
  }
}

/** PUTs one byte range of a file, streamed from disk. */
async function putPart(
  url: string,
  apiKey: string,
  file: string,
  start: number,
  length: number,
): Promise<void> {
  const body =
    length === 0
      ? new Uint8Array(0)
      : (Readable.toWeb(
          createReadStream(file, { start, end: start + length - 1, highWaterMark: 1024 * 1024 }),
        ) as ReadableStream);
  await sendRequest(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/octet-stream',
      'content-length': String(length),
    },
    body,
    duplex: 'half',
    // At least a minute, and more for big parts on slow links (10 KB/s floor).
    signal: AbortSignal.timeout(Math.max(60_000, Math.ceil(length / 10))),
  } as RequestInit);
}

/**
 * The files of one run: uploads one at a time in the background, watches `live` files and
 * uploads what is left when the run finishes.
 */
export class RunFiles {
  private queue: Promise<void> = Promise.resolve();
  private readonly atEnd = new Map<string, string>();
  private readonly watched = new Map<string, { local: string; lastMtimeMs: number }>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly target: UploadTarget,
    private readonly options: UploadOptions & { warn?: (message: string) => void } = {},
  ) {}

  private warn(message: string): void {
    (this.options.warn ?? ((m: string) => process.emitWarning(m)))(`sextant: ${message}`);
  }

  /** The path a local file gets on the run: relative to basePath, or its name when outside. */
  static remotePath(localPath: string, basePath = process.cwd()): string {
    const relative = path.relative(path.resolve(basePath), path.resolve(localPath));
    const inside = relative && !relative.startsWith('..') && !path.isAbsolute(relative);
    return (inside ? relative : path.basename(localPath)).split(path.sep).join('/');
  }

  save(localPath: string, options: SaveOptions = {}): void {
    const policy = options.policy ?? 'live';
    const local = path.resolve(localPath);
    const remote = RunFiles.remotePath(localPath, options.basePath);
    if (policy === 'end') {
      this.atEnd.set(remote, local);
      return;
    }
    this.enqueue(local, remote);
    if (policy === 'live' && !this.watched.has(remote)) {
      this.watched.set(remote, { local, lastMtimeMs: 0 });
      watchFile(local, { interval: 1000, persistent: false }, (current: Stats) => {
        const entry = this.watched.get(remote);
        if (!entry || current.mtimeMs === 0 || current.mtimeMs === entry.lastMtimeMs) return;
        entry.lastMtimeMs = current.mtimeMs;
        this.enqueue(local, remote);
      });
    }
  }

  /** Queues an upload; a file already waiting in the queue is not queued twice. */
  private enqueue(local: string, remote: string): void {
    if (this.pending.has(remote)) return;
    this.pending.add(remote);
    this.queue = this.queue.then(async () => {
      this.pending.delete(remote);
      try {
        const entry = this.watched.get(remote);
        if (entry) entry.lastMtimeMs = (await stat(local)).mtimeMs;
        await uploadFile(this.target, local, remote, this.options);
      } catch (error) {
        this.warn(`could not upload ${remote}: ${(error as Error).message}`);
      }
    });
  }

  /** Stops watching, uploads `end` files and the last state of `live` ones, and waits (bounded). */
  async finish(timeoutMs = 5 * 60_000): Promise<boolean> {
    for (const [remote, entry] of this.watched) {
      unwatchFile(entry.local);
      const mtimeMs = await stat(entry.local).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (mtimeMs && mtimeMs !== entry.lastMtimeMs) this.enqueue(entry.local, remote);
    }
    this.watched.clear();
    for (const [remote, local] of this.atEnd) this.enqueue(local, remote);
    this.atEnd.clear();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
    });
    const done = await Promise.race([this.queue.then(() => true), timedOut]);
    clearTimeout(timer);
    if (!done) this.warn('file uploads did not finish in time; some files were not saved');
    return done;
  }
}
