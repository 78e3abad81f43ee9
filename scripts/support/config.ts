import { existsSync } from 'node:fs';
import { EnvError, parseEnv, type Env } from '../../lib/env';

/**
 * Scripts read `.env` (when present) and validate the whole environment before doing
 * anything, so a bad variable stops `npm start` with a list instead of a stack trace.
 */
export function loadConfig(): Env {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Prints a clear one-paragraph failure and exits non-zero (no stack trace for known failures). */
export function fail(message: string, error?: unknown): never {
  console.error(`\n✖ ${message}`);
  if (error)
    console.error(
      `  ${error instanceof Error ? error.message : String(error)}`.replaceAll('\n', '\n  '),
    );
  process.exit(1);
}
