#!/usr/bin/env node
/**
 * `sextant`: log in, check who you are, and wrap any program as a run:
 *   sextant login --key sxt_… [--host https://sextant.example.com]
 *   sextant whoami
 *   sextant run --project mnist -- python3 train.py --lr 0.1
 */
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { resolveCredentials, saveCredentials } from './credentials.js';
import { init, whoami } from './index.js';
import { LineRecorder } from './line-recorder.js';

const program = new Command('sextant')
  .description('Log machine-learning runs to Sextant')
  .version('0.1.0');

program
  .command('login')
  .description('store an API key for this machine (readable by you only)')
  .requiredOption('--key <key>', 'an API key from Settings → API keys')
  .option(
    '--host <url>',
    'the Sextant server',
    process.env.SEXTANT_BASE_URL ?? 'http://localhost:3000',
  )
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
    const { apiKey, baseUrl = 'http://localhost:3000' } = await resolveCredentials();
    if (!apiKey) throw new Error('Not logged in: run `sextant login --key <key>`');
    console.log(`${await whoami(baseUrl, apiKey)} on ${baseUrl}`);
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
  .argument('<command...>', 'the command to run, after --')
  .action(
    async (
      command: string[],
      opts: { project: string; entity?: string; name?: string; id?: string },
    ) => {
      const run = await init({
        project: opts.project,
        entity: opts.entity,
        name: opts.name,
        id: opts.id,
        captureConsole: false,
        finishOnExit: false,
      });
      process.stderr.write(`sextant: logging to ${run.info.url}\n`);
      const recorder = new LineRecorder((line) => run.recordConsoleLine(line));
      const child = spawn(command[0]!, command.slice(1), {
        stdio: ['inherit', 'pipe', 'pipe'],
        env: {
          ...process.env,
          // An SDK inside the program attaches to this run instead of starting another.
          SEXTANT_RUN_ID: run.id,
          SEXTANT_ENTITY: run.info.entity,
          SEXTANT_PROJECT: run.info.project,
          SEXTANT_WRAPPED: '1',
        },
      });
      child.stdout.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        recorder.record(chunk.toString('utf8'), 'stdout');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk);
        recorder.record(chunk.toString('utf8'), 'stderr');
      });
      // Signals go to the program; it decides how to stop, and its exit code is recorded.
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.on(signal, () => child.kill(signal));
      // Stopped from the UI or API: ask the program to end, then insist after 10 s.
      const stopWatch = setInterval(() => {
        if (!run.stopRequested) return;
        clearInterval(stopWatch);
        process.stderr.write('sextant: the run was stopped; ending the program\n');
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }, 500);
      const exitCode = await new Promise<number>((resolve) => {
        child.on('error', (error) => {
          process.stderr.write(`sextant: cannot start ${command[0]}: ${error.message}\n`);
          resolve(127);
        });
        child.on('exit', (code, signal) =>
          resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1)),
        );
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

program.parseAsync().catch((error: Error) => {
  process.stderr.write(`sextant: ${error.message}\n`);
  process.exitCode = 1;
});
