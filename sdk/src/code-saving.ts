import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Files a project keeps its dependencies in; the first ones found are saved with the code. */
const dependencyFiles = ['package.json', 'package-lock.json', 'requirements.txt', 'pyproject.toml'];

/** Git state of the working directory, recorded with every run (not only with code saving). */
export interface GitState {
  remote: string | null;
  commit: string | null;
  root: string | null;
}

async function git(args: string[], cwd: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', args, { cwd, timeout: 5_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return null; // Not a repository, no git installed, no remote: nothing to record.
  }
}

/** A remote URL without credentials (https://user:token@host/… is common in CI). */
export function withoutCredentials(remote: string): string {
  if (!URL.canParse(remote)) return remote;
  const url = new URL(remote);
  url.username = '';
  url.password = '';
  return url.toString();
}

export async function readGitState(cwd = process.cwd()): Promise<GitState> {
  const root = (await git(['rev-parse', '--show-toplevel'], cwd))?.trim() || null;
  if (!root) return { remote: null, commit: null, root: null };
  const remote = (await git(['config', '--get', 'remote.origin.url'], cwd))?.trim() || null;
  const commit = (await git(['rev-parse', 'HEAD'], cwd))?.trim() || null;
  return { remote: remote && withoutCredentials(remote), commit, root };
}

/**
 * Code saving (the team's "code saving by default", or `saveCode`): gathers what reproduces
 * the run into a folder laid out as the run's files should be named — `diff.patch` (the
 * uncommitted changes against HEAD), `code/<entry script>`, and the dependency files of the
 * working directory — and returns the paths in it, or null when there is nothing to save.
 */
export async function collectCode(
  state: GitState,
  { cwd = process.cwd(), entry = process.argv[1] }: { cwd?: string; entry?: string } = {},
): Promise<{ folder: string; files: string[] } | null> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sextant-code-'));
  const files: string[] = [];
  if (state.root) {
    const diff = await gitDiff(state.root);
    if (diff) {
      await writeFile(path.join(folder, 'diff.patch'), diff);
      files.push('diff.patch');
    }
  }
  if (entry && (await isFile(entry))) {
    await mkdir(path.join(folder, 'code'), { recursive: true });
    await copyFile(entry, path.join(folder, 'code', path.basename(entry)));
    files.push(path.join('code', path.basename(entry)));
  }
  for (const name of dependencyFiles) {
    if (await isFile(path.join(cwd, name))) {
      await copyFile(path.join(cwd, name), path.join(folder, name));
      files.push(name);
    }
  }
  return files.length ? { folder, files } : null;
}

async function gitDiff(root: string): Promise<string | null> {
  const diff = await git(['diff', '--no-ext-diff', '--binary', 'HEAD'], root);
  return diff && diff.trim() ? diff : null;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}
