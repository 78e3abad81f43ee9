import type { Readable } from 'node:stream';
import type { Actor } from '../auth/actor';
import { getPrisma } from '../db/prisma';
import { AppError } from '../errors';
import { storeHolding } from '../storage/blob-location';
import { checkStorageWarningsAfterWrite } from '../storage/usage-warnings';
import { runFileContentType, runFileSecurityHeaders } from './content-type';
import type { ByteRange } from '../storage/blob-store';
import { parseField } from '../validation';
import {
  assertCanDeleteFiles,
  loadRunFileScope,
  type RunFileScope,
  type RunTarget,
} from './run-file-scope';
import { runFilePath } from './schemas';

export interface RunFileView {
  path: string;
  size: number;
  sha256: string;
  updatedAt: Date;
  /** Relative URL of the file's content (GET, supports Range). */
  downloadUrl: string;
}

export function runFileDownloadUrl(
  target: { entity: string; project: string; run: string },
  path: string,
): string {
  const segments = [target.entity, target.project, target.run].map(encodeURIComponent).join('/');
  return `/api/v1/runs/${segments}/files/by-path/${path.split('/').map(encodeURIComponent).join('/')}`;
}

export function toRunFileView(
  file: { path: string; size: bigint; sha256: string; updatedAt: Date },
  scope: Pick<RunFileScope, 'entity' | 'project' | 'run'>,
): RunFileView {
  return {
    path: file.path,
    size: Number(file.size),
    sha256: file.sha256,
    updatedAt: file.updatedAt,
    downloadUrl: runFileDownloadUrl(
      { entity: scope.entity.name, project: scope.project.name, run: scope.run.runId },
      file.path,
    ),
  };
}

/** A run's files, by path. Anyone who may view the run may list them. */
export async function listRunFiles(actor: Actor, target: RunTarget): Promise<RunFileView[]> {
  const scope = await loadRunFileScope(actor, target);
  return listFilesOfRun(scope);
}

/** For callers that already checked access to the run (GraphQL `Run.files`). */
export async function listFilesOfRun(
  scope: Pick<RunFileScope, 'entity' | 'project' | 'run'>,
): Promise<RunFileView[]> {
  const files = await getPrisma().runFile.findMany({
    where: { runId: scope.run.id },
    orderBy: { path: 'asc' },
  });
  return files.map((file) => toRunFileView(file, scope));
}

export interface FileDownload {
  body: Readable;
  /** 200 for the whole file, 206 for a range. */
  status: 200 | 206;
  headers: Record<string, string>;
}

/**
 * Opens a file's content for streaming: all of it, or the one range a `Range: bytes=…`
 * header asks for (suffix and open-ended ranges too). An unsatisfiable range is a 416 with
 * the file's size, as HTTP wants.
 */
export async function openRunFile(
  actor: Actor,
  target: RunTarget,
  rawPath: string,
  rangeHeader: string | null,
): Promise<FileDownload | { status: 416; headers: Record<string, string> }> {
  const path = parseField(runFilePath, 'path', rawPath);
  const scope = await loadRunFileScope(actor, target);
  const file = await getPrisma().runFile.findUnique({
    where: { runId_path: { runId: scope.run.id, path } },
  });
  if (!file) throw AppError.notFound(`File "${path}"`);
  const size = Number(file.size);
  const name = path.split('/').pop()!;
  const headers: Record<string, string> = {
    ...runFileSecurityHeaders,
    'content-type': runFileContentType(path),
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    'accept-ranges': 'bytes',
    etag: `"${file.sha256}"`,
    'cache-control': 'private, no-cache',
  };
  const range = rangeHeader ? parseRange(rangeHeader, size) : undefined;
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { 'content-range': `bytes */${size}` } };
  }
  // The store this entity's copy went to (the instance's or a team connector's bucket).
  const store = await storeHolding(file.entityId, file.sha256!);
  if (!range || size === 0) {
    const body = await store.read(file.sha256!);
    return { status: 200, body, headers: { ...headers, 'content-length': String(size) } };
  }
  const body = await store.read(file.sha256!, range);
  return {
    status: 206,
    body,
    headers: {
      ...headers,
      'content-length': String(range.end - range.start + 1),
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
    },
  };
}

/** One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`; several ranges are served whole. */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * Deletes one run file (members: files of their own runs; admins: any). Its usage is given
 * back by the RunFile triggers when no other file of the entity holds the same blob; the
 * blob itself goes with the unreferenced-blob cleanup.
 */
export async function deleteRunFile(
  actor: Actor,
  target: RunTarget,
  rawPath: string,
): Promise<{ deleted: true; path: string }> {
  const path = parseField(runFilePath, 'path', rawPath);
  const scope = await loadRunFileScope(actor, target);
  assertCanDeleteFiles(actor, scope);
  const { count } = await getPrisma().runFile.deleteMany({
    where: { runId: scope.run.id, path },
  });
  if (count === 0) throw AppError.notFound(`File "${path}"`);
  // Usage may have dropped below a warning threshold: reset it so the next crossing warns.
  await checkStorageWarningsAfterWrite(scope.entity.id);
  return { deleted: true, path };
}
