/**
 * Artifacts: `run.logArtifact(...)` hashes files (streamed), uploads only the bytes the server
 * does not hold through the resumable blob protocol (…/artifacts/<entity>/<project>/files/uploads,
 * the same shape as run files, so files.ts's uploader serves it), then logs the manifest.
 * `run.useArtifact('name:alias')` downloads a version into a local cache keyed by sha256 —
 * files already cached are not downloaded again — and lays it out in a directory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashFile, uploadFile, type UploadOptions } from './files.js';
import { HttpError, sendJson } from './http.js';

export interface ArtifactApi {
  /** Server origin, e.g. http://localhost:3000 */
  baseUrl: string;
  apiKey: string;
  entity: string;
  project: string;
}

export interface LogArtifactOptions {
  name: string;
  /** e.g. dataset, model */
  type: string;
  description?: string;
  metadata?: Record<string, unknown>;
  /**
   * Files and directories. A file is stored under its name, a directory's files under their
   * path inside it (so `['data/']` stores `train.csv`, `val/x.csv`, …).
   */
  files: string[] | string;
  /** External URIs stored as manifest entries without bytes (path: the URI's last segment). */
  references?: string[];
  aliases?: string[];
}

export interface ArtifactVersion {
  artifact: string;
  type: string;
  version: string;
  digest: string;
  size: number;
  fileCount: number;
  metadata: Record<string, unknown>;
  aliases: { alias: string; protected: boolean }[];
  /** False when the same content was logged before (that version is returned). */
  created?: boolean;
}

interface ManifestFile {
  path: string;
  size: number;
  sha256: string | null;
  downloadUrl: string | null;
  uri: string | null;
}

const artifactsUrl = (api: ArtifactApi) =>
  `${api.baseUrl}/api/v1/artifacts/${encodeURIComponent(api.entity)}/${encodeURIComponent(api.project)}`;

/** Local files of the artifact: [path in the artifact, absolute local path]. */
export async function collectFiles(files: string[] | string): Promise<[string, string][]> {
  const out = new Map<string, string>();
  for (const entry of Array.isArray(files) ? files : [files]) {
    const local = path.resolve(entry);
    const info = await stat(local);
    if (info.isDirectory()) {
      for (const file of await walk(local)) {
        out.set(path.relative(local, file).split(path.sep).join('/'), file);
      }
    } else out.set(path.basename(local), local);
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) result.push(...(await walk(full)));
    else if (entry.isFile()) result.push(full);
  }
  return result;
}

/**
 * Uploads the files' bytes (only what the server lacks; resumable) and logs the version as
 * an output of run `runId`. Throws HttpError on refusal; Run.logArtifact turns that into a warning.
 */
export async function logArtifact(
  api: ArtifactApi,
  runId: string,
  options: LogArtifactOptions,
  uploadOptions: UploadOptions = {},
): Promise<ArtifactVersion> {
  const files = await collectFiles(options.files);
  const manifest: { path: string; sha256: string; size: number }[] = [];
  const target = { runUrl: artifactsUrl(api), apiKey: api.apiKey };
  for (const [remote, local] of files) {
    const uploaded = await uploadFile(target, local, remote, uploadOptions);
    manifest.push({ path: remote, sha256: uploaded.sha256, size: uploaded.size });
  }
  const references = (options.references ?? []).map((uri) => ({
    path: decodeURIComponent(new URL(uri).pathname.split('/').filter(Boolean).pop() ?? 'reference'),
    uri,
  }));
  return sendJson<ArtifactVersion>(
    'POST',
    `${artifactsUrl(api)}/${encodeURIComponent(options.name)}/versions`,
    api.apiKey,
    {
      run: runId,
      type: options.type,
      ...(options.description !== undefined && { description: options.description }),
      ...(options.metadata && { metadata: options.metadata }),
      ...(options.aliases && { aliases: options.aliases }),
      files: manifest,
      references,
    },
    120_000,
  );
}

export interface UseArtifactOptions {
  /** Where to lay the files out; default `<cache>/artifacts/<name>/<version>`. */
  root?: string;
  /** The blob cache; default SEXTANT_CACHE_DIR or ~/.cache/sextant. */
  cacheDir?: string;
}

export interface UsedArtifact {
  dir: string;
  version: ArtifactVersion;
  /** Files fetched from the server this time (the rest came from the cache). */
  downloaded: number;
  /** External references, not downloaded. */
  references: { path: string; uri: string }[];
}

export function defaultCacheDir(): string {
  return process.env.SEXTANT_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'sextant');
}

/**
 * Resolves `name:alias` / `name:vN` (default `latest`), records the use by `runId` (lineage)
 * and makes every stored file available under the returned directory, downloading only
 * blobs not in the cache (each verified against its sha256). Throws: the program needs the data.
 */
export async function downloadArtifact(
  api: ArtifactApi,
  runId: string | undefined,
  ref: string,
  options: UseArtifactOptions = {},
): Promise<UsedArtifact> {
  const [name, version = 'latest'] = ref.split(':') as [string, string?];
  const answer = await sendJson<ArtifactVersion & { files: ManifestFile[] }>(
    'POST',
    `${artifactsUrl(api)}/${encodeURIComponent(name)}/use`,
    api.apiKey,
    { version, ...(runId && { run: runId }) },
  );
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const blobs = path.join(cacheDir, 'blobs');
  const root = path.resolve(options.root ?? path.join(cacheDir, 'artifacts', name, answer.version));
  await mkdir(blobs, { recursive: true });
  let downloaded = 0;
  for (const file of answer.files) {
    if (!file.sha256 || !file.downloadUrl) continue;
    const cached = path.join(blobs, file.sha256);
    const have = await stat(cached).then(
      (s) => s.size === file.size,
      () => false,
    );
    if (!have) {
      await downloadBlob(`${api.baseUrl}${file.downloadUrl}`, api.apiKey, cached, file);
      downloaded++;
    }
    const dest = path.join(root, ...file.path.split('/'));
    if (!dest.startsWith(root + path.sep)) throw new Error(`sextant: unsafe path "${file.path}"`);
    await mkdir(path.dirname(dest), { recursive: true });
    await rm(dest, { force: true });
    // A hard link costs no space; across filesystems, a copy.
    await link(cached, dest).catch(() => copyFile(cached, dest));
  }
  const { files, ...rest } = answer;
  return {
    dir: root,
    version: rest,
    downloaded,
    references: files.filter((f) => f.uri).map((f) => ({ path: f.path, uri: f.uri! })),
  };
}

/** Streams a blob to a temp file, checks size and sha256, then moves it into the cache. */
async function downloadBlob(
  url: string,
  apiKey: string,
  dest: string,
  expected: { path: string; size: number; sha256: string | null },
): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } }).catch(
    (error: Error) => {
      throw new HttpError(0, `cannot reach ${new URL(url).origin}: ${error.message}`);
    },
  );
  if (!response.ok || !response.body) {
    const text = await response.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? text;
    } catch {
      // not JSON
    }
    throw new HttpError(response.status, `${response.status}: ${message}`);
  }
  const temp = `${dest}.${randomBytes(6).toString('hex')}.part`;
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      tap,
      createWriteStream(temp),
    );
    const sha256 = hash.digest('hex');
    if (size !== expected.size || sha256 !== expected.sha256) {
      throw new Error(
        `sextant: download of "${expected.path}" is corrupt (size or sha256 differs)`,
      );
    }
    await rename(temp, dest);
  } finally {
    await rm(temp, { force: true });
  }
}

/** sha256 of a local file (re-exported for the CLI). */
export { hashFile };
