/**
 * `sextant artifact put` logs files and directories as an artifact version of a run (only
 * bytes the server lacks are sent, resumably, with progress bars on a terminal);
 * `sextant artifact get name:alias` downloads a version into a directory through the local
 * sha256 cache and prints that directory.
 */
import type { Command } from 'commander';
import { downloadArtifact, logArtifact } from './artifacts.js';
import { uploadProgressBars } from './cli-files.js';
import { whoami } from './index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerArtifactCommands(
  program: Command,
  loggedIn: () => Promise<{ apiKey: string; baseUrl: string }>,
): void {
  const artifact = program.command('artifact').description('log and download artifacts');

  artifact
    .command('put')
    .description('log files and directories as a new artifact version of a run')
    .requiredOption('--project <project>', 'the run’s project')
    .requiredOption('--run <id>', 'the run that produces it')
    .requiredOption('--name <name>', 'artifact name')
    .requiredOption('--type <type>', 'artifact type, e.g. dataset or model')
    .option('--entity <entity>', 'user or team (default: you)')
    .option('--description <text>', 'description')
    .option('--alias <alias>', 'a custom alias (repeatable)', collect)
    .option('--reference <uri>', 'an external URI stored without its bytes (repeatable)', collect)
    .argument('<paths...>', 'files and directories')
    .action(
      async (
        paths: string[],
        opts: {
          project: string;
          run: string;
          name: string;
          type: string;
          entity?: string;
          description?: string;
          alias?: string[];
          reference?: string[];
        },
      ) => {
        const { apiKey, baseUrl } = await loggedIn();
        const entity = opts.entity ?? (await whoami(baseUrl, apiKey));
        const progress = uploadProgressBars();
        try {
          const version = await logArtifact(
            { baseUrl, apiKey, entity, project: opts.project },
            opts.run,
            {
              name: opts.name,
              type: opts.type,
              files: paths,
              ...(opts.description !== undefined && { description: opts.description }),
              ...(opts.alias && { aliases: opts.alias }),
              ...(opts.reference && { references: opts.reference }),
            },
            { onProgress: progress.onProgress },
          );
          progress.stop();
          console.log(
            `${version.artifact}:${version.version} ${version.created ? 'logged' : 'unchanged (same content)'}`,
          );
        } catch (error) {
          progress.stop();
          process.stderr.write(`sextant: ${(error as Error).message}\n`);
          process.exitCode = 1;
        }
      },
    );

  artifact
    .command('get')
    .description('download an artifact version (name:alias or name:vN) and print its directory')
    .argument('<ref>', 'e.g. mnist:latest')
    .requiredOption('--project <project>', 'the artifact’s project')
    .option('--entity <entity>', 'user or team (default: you)')
    .option('--root <dir>', 'where to put the files (default: in the cache)')
    .option('--run <id>', 'record that this run used it (lineage)')
    .action(
      async (
        ref: string,
        opts: { project: string; entity?: string; root?: string; run?: string },
      ) => {
        const { apiKey, baseUrl } = await loggedIn();
        const entity = opts.entity ?? (await whoami(baseUrl, apiKey));
        try {
          const used = await downloadArtifact(
            { baseUrl, apiKey, entity, project: opts.project },
            opts.run,
            ref,
            opts.root ? { root: opts.root } : {},
          );
          process.stderr.write(
            `${used.version.artifact}:${used.version.version}: ${used.downloaded} file(s) downloaded, the rest from the cache\n`,
          );
          console.log(used.dir);
        } catch (error) {
          process.stderr.write(`sextant: ${(error as Error).message}\n`);
          process.exitCode = 1;
        }
      },
    );
}
