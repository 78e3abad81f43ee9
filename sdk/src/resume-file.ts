import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * `resume: 'auto'` (W&B's): a run started in a folder leaves `resume-<project>.json` in the
 * sextant folder (./sextant or SEXTANT_DIR) until it finishes with exit code 0. If the
 * program crashed, was killed or failed, the next `auto` start in the same folder finds the
 * file and continues that run instead of starting another. The Python client reads and
 * writes the same file.
 */
export interface ResumeRecord {
  format: 1;
  runId: string;
  entity: string;
  project: string;
  startedAt: string;
}

export function resumeFilePath(root: string, project: string): string {
  return path.join(root, `resume-${project.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
}

/** The run id to continue, if the file names a run of this project (and entity, when given). */
export async function readResumeFile(
  file: string,
  project: string,
  entity: string | undefined,
): Promise<string | undefined> {
  let record: Partial<ResumeRecord>;
  try {
    record = JSON.parse(await readFile(file, 'utf8')) as Partial<ResumeRecord>;
  } catch {
    return undefined; // none, or torn by a crash mid-write: start a new run
  }
  if (record.format !== 1 || typeof record.runId !== 'string' || record.project !== project)
    return undefined;
  if (entity && record.entity !== entity) return undefined;
  return record.runId;
}

export async function writeResumeFile(file: string, record: ResumeRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(record, null, 2));
}

/** After a clean finish: the next `auto` start is a new run (unless another run took the file over). */
export async function removeResumeFile(file: string, runId: string): Promise<void> {
  const record = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Partial<ResumeRecord>)
    .catch(() => undefined);
  if (record?.runId === runId) await rm(file, { force: true });
}
