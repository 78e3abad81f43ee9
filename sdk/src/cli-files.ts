/**
 * `sextant save --project p --run id [--entity e] <files…>`: uploads files to a run with a
 * progress bar (only when stderr is a terminal), resuming parts after network failures.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { RunFiles, uploadFile, type UploadProgress } from './files.js';
import { whoami } from './index.js';

/** A progress callback drawing one bar per file on a terminal; a no-op otherwise. */
export function uploadProgressBars(): {
  onProgress: (p: UploadProgress) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bars = new MultiBar(
    {
      format: '{file} [{bar}] {percentage}% | {value}/{total} bytes',
      hideCursor: true,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  const byPath = new Map<string, SingleBar>();
  return {
    onProgress: (p) => {
      let bar = byPath.get(p.path);
      if (!bar) {
        bar = bars.create(Math.max(p.totalBytes, 1), 0, { file: p.path });
        byPath.set(p.path, bar);
      }
      bar.update(p.done ? Math.max(p.totalBytes, 1) : p.sentBytes);
    },
    stop: () => bars.stop(),
  };
}

export function registerFileCommands(
  program: Command,
  loggedIn: () => Promise<{ apiKey: string; baseUrl: string }>,
): void {
  program
    .command('save')
    .description('upload files to a run (resumes after network failures)')
    .requiredOption('--project <project>', 'the run’s project')
    .requiredOption('--run <id>', 'the run id')
    .option('--entity <entity>', 'user or team (default: you)')
    .option('--base-path <dir>', 'paths on the run are relative to this folder', process.cwd())
    .argument('<files...>', 'files to upload')
    .action(
      async (
        files: string[],
        opts: { project: string; run: string; entity?: string; basePath: string },
      ) => {
        const { apiKey, baseUrl } = await loggedIn();
        const entity = opts.entity ?? (await whoami(baseUrl, apiKey));
        const runUrl = `${baseUrl}/api/v1/runs/${[entity, opts.project, opts.run].map(encodeURIComponent).join('/')}`;
        const progress = uploadProgressBars();
        let failed = 0;
        try {
          for (const file of files) {
            const remote = RunFiles.remotePath(file, opts.basePath);
            try {
              await uploadFile({ runUrl, apiKey }, file, remote, {
                onProgress: progress.onProgress,
              });
              if (!process.stderr.isTTY) process.stderr.write(`saved ${remote}\n`);
            } catch (error) {
              failed++;
              process.stderr.write(
                `sextant: could not upload ${remote}: ${(error as Error).message}\n`,
              );
            }
          }
        } finally {
          progress.stop();
        }
        if (failed) process.exitCode = 1;
      },
    );
}
