import type { Actor } from '../auth/actor';
import { can, type TeamResource } from '../permissions/catalog';

interface RunEnvironment {
  host: string | null;
  os: string | null;
  languageVersion: string | null;
  program: string | null;
  command: string | null;
}

/**
 * Where a run ran (host, OS, language version, program, command) is shown only to those the
 * catalog grants `run:view-environment`: never to people who see the run only because its
 * project is public. Every read of runs passes through here.
 */
export function environmentFor<T extends RunEnvironment>(
  actor: Actor,
  resource: TeamResource,
  run: T,
): T {
  if (can(actor, 'run:view-environment', resource)) return run;
  return { ...run, host: null, os: null, languageVersion: null, program: null, command: null };
}
