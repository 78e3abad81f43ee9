import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { StreamAck, StreamBody, Transport } from './sender.js';

/**
 * The local run directory. Every run has one under the sextant folder (`./sextant` or
 * SEXTANT_DIR): online runs use it only to spill their queue while the server is away;
 * offline runs keep everything there:
 *
 *   offline-run-20250101_120000-abc123/
 *     run.json       what `init` would have sent (project, entity, run id, metadata, config)
 *     batches.jsonl  append-only: one line per stream request the sender would have posted
 *     synced.json    written by `sextant sync` once the server has all of it
 *
 * The Python client writes the same format, so `sextant sync` uploads runs of either.
 */
export const runFile = 'run.json';
export const batchesFile = 'batches.jsonl';
export const syncedFile = 'synced.json';

export interface OfflineRunMeta {
  format: 1;
  project: string;
  /** Unknown offline when not given: `sync` uses the API key's user. */
  entity?: string;
  runId: string;
  createdAt: string;
  /** The body of the run upsert (`POST /api/v1/runs/<entity>/<project>/<run>`). */
  upsert: Record<string, unknown>;
}

export interface SyncedMarker {
  url: string;
  batches: number;
  syncedAt: string;
}

export function sextantRoot(dir?: string): string {
  return path.resolve(dir ?? process.env.SEXTANT_DIR ?? 'sextant');
}

/** `run-20250101_120000-<id>` (online) or `offline-run-…` (offline), like W&B's folders. */
export function runDirectoryName(kind: 'run' | 'offline-run', runId: string, at = new Date()) {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '_').replace(/\..*$/, '');
  return `${kind}-${stamp}-${runId}`;
}

export async function createOfflineRun(dir: string, meta: OfflineRunMeta): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, runFile), JSON.stringify(meta, null, 2));
  await appendFile(path.join(dir, batchesFile), '');
}

/**
 * Offline: each batch is appended to batches.jsonl and acknowledged as the server would,
 * so the sender, its offsets and its finish logic work unchanged and `sync` replays them.
 */
export function offlineTransport(dir: string): Transport {
  let historyOffset = 0;
  let systemOffset = 0;
  const file = path.join(dir, batchesFile);
  return async (body: StreamBody): Promise<StreamAck> => {
    const empty = Object.keys(body).length === 0; // a heartbeat: nothing to keep
    if (!empty) await appendFile(file, JSON.stringify(body) + '\n');
    if (body.history) historyOffset = body.history.offset + body.history.rows.length;
    if (body.system) systemOffset = body.system.offset + body.system.rows.length;
    return { historyOffset, systemOffset, state: 'OFFLINE', stopRequested: false };
  };
}

/** `disabled` mode: everything is accepted and forgotten. */
export const discardTransport: Transport = async (body) => ({
  historyOffset: body.history ? body.history.offset + body.history.rows.length : 0,
  systemOffset: body.system ? body.system.offset + body.system.rows.length : 0,
  state: 'DISABLED',
  stopRequested: false,
});

export async function readOfflineMeta(dir: string): Promise<OfflineRunMeta> {
  let text: string;
  try {
    text = await readFile(path.join(dir, runFile), 'utf8');
  } catch {
    throw new Error(`${dir} is not an offline run directory (no ${runFile})`);
  }
  const meta = JSON.parse(text) as OfflineRunMeta;
  if (meta.format !== 1 || !meta.project || !meta.runId)
    throw new Error(`${path.join(dir, runFile)}: unknown format`);
  return meta;
}

export async function readSynced(dir: string): Promise<SyncedMarker | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, syncedFile), 'utf8')) as SyncedMarker;
  } catch {
    return undefined;
  }
}

/** The batches in the order they were written; a torn last line (a crash mid-write) is skipped. */
export async function* readBatches(
  dir: string,
): AsyncGenerator<{ body: StreamBody; bytes: number }> {
  const lines = createInterface({
    input: createReadStream(path.join(dir, batchesFile)),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let body: StreamBody;
    try {
      body = JSON.parse(line) as StreamBody;
    } catch {
      continue;
    }
    yield { body, bytes: Buffer.byteLength(line) + 1 };
  }
}

export async function batchesSize(dir: string): Promise<number> {
  return (await stat(path.join(dir, batchesFile)).catch(() => ({ size: 0 }))).size;
}

export interface OfflineRunListing {
  dir: string;
  meta: OfflineRunMeta;
  synced: SyncedMarker | undefined;
}

/** The offline run directories under the sextant folder, oldest first. */
export async function listOfflineRuns(root = sextantRoot()): Promise<OfflineRunListing[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const runs: OfflineRunListing[] = [];
  for (const name of names.filter((n) => n.startsWith('offline-run-')).sort()) {
    const dir = path.join(root, name);
    try {
      runs.push({ dir, meta: await readOfflineMeta(dir), synced: await readSynced(dir) });
    } catch {
      // not a run directory (or a half-created one): not ours to sync
    }
  }
  return runs;
}
