import pino from 'pino';
import { getEnv } from './env';

let logger: pino.Logger | undefined;

/** Structured server log. Secrets are redacted by path so they never reach the output. */
export function getLogger(): pino.Logger {
  logger ??= pino({
    level: getEnv().LOG_LEVEL,
    redact: [
      '*.password',
      '*.token',
      '*.apiKey',
      '*.secret',
      'headers.authorization',
      'headers.cookie',
    ],
  });
  return logger;
}
