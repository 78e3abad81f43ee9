import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { backoffMs, HttpError, postJson, sendJson } from './http.js';
import { whoami } from './index.js';
import {
  batchesSize,
  readBatches,
  readOfflineMeta,
  readSynced,
  syncedFile,
  type SyncedMarker,
} from './offline.js';

export interface SyncOptions {
  apiKey: string;
  baseUrl: string;
  /** Upload again even though synced.json says it is done (offsets still prevent duplicates). */
  force?: boolean;
  /** Called after each batch with the bytes of batches.jsonl uploaded so far and in total. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface SyncResult {
  dir: string;
  url: string;
  batches: number;
  rows: number;
  /** Nothing was sent: synced.json says an earlier sync finished. */
  alreadySynced: boolean;
}

/**
 * Uploads an offline run directory: the run upsert from run.json, then every batch of
 * batches.jsonl in order. Safe to repeat or to resume after an interruption: each batch
 * carries its stream offsets, so rows the server already has are skipped, console lines
 * are rewritten in place, and config/summary updates land on the same final values.
 */
export async function syncOfflineRun(dir: string, options: SyncOptions): Promise<SyncResult> {
  const meta = await readOfflineMeta(dir);
  const previous = await readSynced(dir);
  if (previous && !options.force)
    return { dir, url: previous.url, batches: previous.batches, rows: 0, alreadySynced: true };
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const entity = meta.entity ?? (await whoami(baseUrl, options.apiKey));
  const runUrl = `${baseUrl}/api/v1/runs/${encodeURIComponent(entity)}/${encodeURIComponent(meta.project)}/${encodeURIComponent(meta.runId)}`;
  const handle = await withRetry(() =>
    postJson<{ runId: string; entity: string; project: string }>(
      runUrl,
      options.apiKey,
      meta.upsert,
    ),
  );
  const total = await batchesSize(dir);
  let done = 0;
  let batches = 0;
  let rows = 0;
  options.onProgress?.(0, total);
  for await (const { body, bytes } of readBatches(dir)) {
    await withRetry(() => postJson(`${runUrl}/stream`, options.apiKey, body));
    batches++;
    rows += body.history?.rows.length ?? 0;
    done += bytes;
    options.onProgress?.(Math.min(done, total), total);
  }
  const model = await readFile(path.join(dir, 'model.json'), 'utf8').catch(() => undefined);
  if (model)
    await withRetry(() => sendJson('PUT', `${runUrl}/model`, options.apiKey, JSON.parse(model)));
  const url = `${baseUrl}/${handle.entity}/${handle.project}/runs/${handle.runId}`;
  const marker: SyncedMarker = { url, batches, syncedAt: new Date().toISOString() };
  await writeFile(path.join(dir, syncedFile), JSON.stringify(marker, null, 2));
  return { dir, url, batches, rows, alreadySynced: false };
}

async function withRetry<T>(call: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof HttpError && error.retryable) || attempt + 1 >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
    }
  }
}
