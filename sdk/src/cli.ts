#!/usr/bin/env node
/**
 * `sextant`: log in, check who you are, wrap any program as a run, upload offline runs:
 *   sextant login --key sxt_… [--host https://sextant.example.com]
 *   sextant whoami
 *   sextant status
 *   sextant run --project mnist -- python3 train.py --lr 0.1
 *   sextant sync sextant/offline-run-20250101_120000-abc123   (or --all)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { registerArtifactCommands } from './cli-artifacts.js';
import { registerFileCommands } from './cli-files.js';
import { credentialsPath, resolveCredentials, saveCredentials } from './credentials.js';
import { init, resumeModes, whoami, type ResumeMode } from './index.js';
import { LineRecorder } from './line-recorder.js';
import { listOfflineRuns, sextantRoot } from './offline.js';
import { syncOfflineRun } from './sync.js';
import { SystemSampler } from './system-metrics.js';

const program = new Command('sextant')
  .description('Log machine-learning runs to Sextant')
  .version('0.1.0');

const defaultBaseUrl = 'http://localhost:3000';

async function loggedIn(): Promise<{ apiKey: string; baseUrl: string }> {
  const { apiKey, baseUrl = defaultBaseUrl } = await resolveCredentials();
  if (!apiKey) throw new Error('Not logged in: run `sextant login --key <key>`');
  return { apiKey, baseUrl: baseUrl.replace(/\/$/, '') };
}

program
  .command('login')
  .description('store an API key for this machine (readable by you only)')
  .requiredOption('--key <key>', 'an API key from Settings → API keys')
  .option('--host <url>', 'the Sextant server', process.env.SEXTANT_BASE_URL ?? defaultBaseUrl)
  .action(async ({ key, host }: { key: string; host: string }) => {
    const baseUrl = host.replace(/\/$/, '');
    const username = await whoami(baseUrl, key);
    const file = await saveCredentials({ apiKey: key, baseUrl });
    console.log(`Logged in to ${baseUrl} as ${username} (key stored in ${file})`);
  });

program
  .command('whoami')
  .description('print the user of the configured API key')
  .action(async () => {
    const { apiKey, baseUrl } = await loggedIn();
    console.log(`${await whoami(baseUrl, apiKey)} on ${baseUrl}`);
  });

program
  .command('status')
  .description(
    'show the server, who you are, the defaults runs get, and offline runs not yet synced',
  )
  .option('--dir <dir>', 'the sextant folder (default SEXTANT_DIR or ./sextant)')
  .action(async (opts: { dir?: string }) => {
    const { apiKey, baseUrl = defaultBaseUrl } = await resolveCredentials();
    const env = process.env;
    let user = 'not logged in (sextant login --key <key>)';
    if (apiKey) {
      user = await whoami(baseUrl.replace(/\/$/, ''), apiKey).catch(
        (error: Error) => `unknown (${error.message})`,
      );
    }
    const keySource = env.SEXTANT_API_KEY ? 'SEXTANT_API_KEY' : apiKey ? credentialsPath() : '-';
    const rows: [string, string][] = [
      ['Server', baseUrl],
      ['User', user],
      ['API key from', keySource],
      ['Mode', env.SEXTANT_MODE ?? 'online'],
      ['Entity', env.SEXTANT_ENTITY ?? '(your user)'],
      ['Project', env.SEXTANT_PROJECT ?? '(set in init or --project)'],
      ['Run folder', sextantRoot(opts.dir)],
    ];
    for (const [label, value] of rows) console.log(`${`${label}:`.padEnd(14)}${value}`);
    const pending = (await listOfflineRuns(sextantRoot(opts.dir))).filter((run) => !run.synced);
    console.log(
      pending.length ? `Unsynced offline runs (${pending.length}):` : 'Unsynced offline runs: none',
    );
    for (const run of pending)
      console.log(`  ${path.relative(process.cwd(), run.dir) || run.dir}  (${run.meta.project})`);
  });

program
  .command('sync')
  .description('upload offline runs; safe to repeat (nothing is uploaded twice)')
  .argument('[dirs...]', 'offline run directories')
  .option('--all', 'every offline run under the sextant folder not synced yet')
  .option('--dir <dir>', 'the sextant folder for --all (default SEXTANT_DIR or ./sextant)')
  .option('--force', 'upload again runs already synced (offsets still prevent duplicates)')
  .action(async (dirs: string[], opts: { all?: boolean; dir?: string; force?: boolean }) => {
    const targets = [...dirs.map((dir) => path.resolve(dir))];
    if (opts.all) {
      for (const run of await listOfflineRuns(sextantRoot(opts.dir)))
        if (!run.synced && !targets.includes(run.dir)) targets.push(run.dir);
    }
    if (targets.length === 0) {
      console.log(opts.all ? 'Nothing to sync.' : 'Name offline run directories, or pass --all.');
      return;
    }
    const { apiKey, baseUrl } = await loggedIn();
    let failed = 0;
    for (const dir of targets) {
      const name = path.basename(dir);
      const bar = process.stdout.isTTY
        ? new SingleBar(
            { format: `${name} [{bar}] {percentage}% | {value}/{total} bytes`, hideCursor: true },
            Presets.shades_classic,
          )
        : undefined;
      try {
        const result = await syncOfflineRun(dir, {
          apiKey,
          baseUrl,
          force: opts.force,
          onProgress: (done, total) => {
            if (!bar) return;
            if (done === 0) bar.start(Math.max(total, 1), 0);
            else bar.update(done);
          },
        });
        bar?.stop();
        console.log(
          result.alreadySynced
            ? `${name}: already synced → ${result.url}`
            : `${name}: synced ${result.batches} batches (${result.rows} history rows) → ${result.url}`,
        );
      } catch (error) {
        bar?.stop();
        failed++;
        process.stderr.write(`sextant: ${name}: ${(error as Error).message}\n`);
      }
    }
    if (failed) process.exitCode = 1;
  });

program
  .command('run')
  .description(
    'run a command as a Sextant run: its output, system metrics and exit code are recorded',
  )
  .requiredOption('-p, --project <project>', 'project to log to')
  .option('-e, --entity <entity>', 'user or team (default: you)')
  .option('-n, --name <name>', 'display name of the run')
  .option('--id <id>', 'run id (to resume a run)')
  .option(
    '--resume <mode>',
    'allow (default: continue --id if it exists), must (only continue), never (only create), auto (continue the last crashed run started here)',
  )
  .option(
    '--stop-grace <seconds>',
    'after a stop from the UI/API: seconds between SIGTERM and SIGKILL (default SEXTANT_STOP_GRACE_SECONDS or 10)',
  )
  .argument('<command...>', 'the command to run, after --')
  .action(
    async (
      command: string[],
      opts: {
        project: string;
        entity?: string;
        name?: string;
        id?: string;
        resume?: string;
        stopGrace?: string;
      },
    ) => {
      if (opts.resume !== undefined && !resumeModes.includes(opts.resume as ResumeMode))
        throw new Error(`--resume must be one of ${resumeModes.join(', ')}`);
      const graceSeconds = Number(opts.stopGrace ?? process.env.SEXTANT_STOP_GRACE_SECONDS ?? 10);
      if (!Number.isFinite(graceSeconds) || graceSeconds < 0)
        throw new Error('--stop-grace must be a number of seconds (0 or more)');
      const sampler = new SystemSampler();
      const run = await init({
        project: opts.project,
        entity: opts.entity,
        name: opts.name,
        id: opts.id,
        resume: opts.resume as ResumeMode | undefined,
        captureConsole: false,
        finishOnExit: false,
        systemSampler: sampler,
      });
      process.stderr.write(`sextant: logging to ${run.info.url}\n`);
      const recorder = new LineRecorder(
        (line) => run.recordConsoleLine(line),
        run.info.consoleOffset,
      );
      const child = spawn(command[0]!, command.slice(1), {
        stdio: ['inherit', 'pipe', 'pipe'],
        env: {
          ...process.env,
          // An SDK inside the program attaches to this run instead of starting another.
          SEXTANT_RUN_ID: run.id,
          ...(run.info.entity && { SEXTANT_ENTITY: run.info.entity }),
          SEXTANT_PROJECT: run.info.project,
          SEXTANT_WRAPPED: '1',
        },
      });
      // System metrics describe the program (and whatever it starts), not this wrapper.
      if (child.pid) sampler.trackProcessTree(child.pid);
      child.stdout.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        recorder.record(chunk.toString('utf8'), 'stdout');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk);
        recorder.record(chunk.toString('utf8'), 'stderr');
      });
      // Signals go to the program; it decides how to stop, and its exit code is recorded.
      // SIGTERM is how schedulers (Slurm, Kubernetes, spot reclaims) preempt a job, so a
      // run ended by it is reported as preempted: it may be resumed with the same id.
      process.on('SIGINT', () => child.kill('SIGINT'));
      process.on('SIGTERM', () => {
        run.markPreempting();
        child.kill('SIGTERM');
      });
      // Stopped from the UI or API: ask the program to end, then insist after the grace period.
      const stopWatch = setInterval(() => {
        if (!run.stopRequested) return;
        clearInterval(stopWatch);
        process.stderr.write(
          `sextant: the run was stopped; ending the program (SIGTERM, SIGKILL after ${graceSeconds} s)\n`,
        );
        child.kill('SIGTERM');
        setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) {
            process.stderr.write('sextant: the program did not end; killing it\n');
            child.kill('SIGKILL');
          }
        }, graceSeconds * 1000).unref();
      }, 200);
      const exitCode = await new Promise<number>((resolve) => {
        child.on('error', (error) => {
          process.stderr.write(`sextant: cannot start ${command[0]}: ${error.message}\n`);
          resolve(127);
        });
        child.on('exit', (code, signal) => resolve(code ?? signalExitCode(signal)));
      });
      clearInterval(stopWatch);
      const delivered = await run.finish(exitCode, { timeoutMs: 60_000 });
      if (!delivered)
        process.stderr.write(
          'sextant: the server could not be reached; the end of the run was not recorded\n',
        );
      process.exitCode = exitCode;
    },
  );

/** A shell's convention: 128 + the signal number. */
function signalExitCode(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGKILL: 9,
    SIGTERM: 15,
  };
  return signal && numbers[signal] ? 128 + numbers[signal] : 1;
}

registerFileCommands(program, loggedIn);
registerArtifactCommands(program, loggedIn);

program.parseAsync().catch((error: Error) => {
  process.stderr.write(`sextant: ${error.message}\n`);
  process.exitCode = 1;
});
