import { z } from 'zod';

/**
 * All configuration, parsed once. Nothing else in the code base reads `process.env`
 * (DESIGN.md §2 rule 5). Every variable is documented in `.env.example`.
 */

/** Empty strings in `.env` files mean "unset", so defaults apply. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const postgresUrl = z
  .string()
  .refine(
    (value) => /^postgres(ql)?:\/\//.test(value),
    'must be a postgres:// or postgresql:// URL',
  )
  .refine((value) => URL.canParse(value), 'is not a valid URL');

export const envSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])).default('production'),
  PORT: optional(port).default(3000),
  /** Public base URL of this instance, used in emails and links. Defaults to http://localhost:PORT. */
  APP_URL: optional(
    z.url({ error: 'must be an absolute URL such as https://sextant.example.com' }),
  ),
  /** Unset: `npm start` runs an embedded Postgres and fills this in for the server. */
  DATABASE_URL: optional(postgresUrl),
  /** Where local state lives: embedded Postgres data, blobs, outbox. */
  SEXTANT_DATA_DIR: optional(z.string().min(1)).default('.data'),
  /** Preferred port of the embedded Postgres; the next free one is taken when busy. */
  EMBEDDED_PG_PORT: optional(port).default(54329),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  ).default('info'),
  /**
   * Signs session cookies and tokens. `npm start` generates one into the data dir when unset;
   * set it explicitly when several servers share sessions.
   */
  AUTH_SECRET: optional(
    z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)'),
  ),
  /**
   * Web server processes `npm start` runs on PORT (Node's cluster module shares the port).
   * One Node process uses one core; the default is one per core but one (left to Postgres), at most 4.
   */
  SEXTANT_WEB_WORKERS: optional(z.coerce.number().int().min(1).max(64)),
  /** How `npm start` runs the cron routes: `in-process` (a timer) or `external` (a scheduler calls them). */
  SEXTANT_CRON: optional(z.enum(['in-process', 'external'])).default('in-process'),
  /** Bearer secret of the /api/cron/* routes. `npm start` generates one when unset. */
  CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@smtp.example.com:587. Unset: mails stay in the local outbox and their links are logged. */
  SMTP_URL: optional(
    z
      .string()
      .refine(
        (v) => /^smtps?:\/\//.test(v) && URL.canParse(v),
        'must be an smtp:// or smtps:// URL',
      ),
  ),
  EMAIL_FROM: optional(z.string().min(3)).default('Sextant <no-reply@localhost>'),
  /** Generic OpenID Connect SSO (Okta, Auth0, Keycloak, Google Workspace, ...). All three enable it. */
  OIDC_ISSUER: optional(z.url({ error: 'must be the issuer URL, e.g. https://login.example.com' })),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_DISPLAY_NAME: optional(z.string().min(1)).default('SSO'),
  GITHUB_CLIENT_ID: optional(z.string().min(1)),
  GITHUB_CLIENT_SECRET: optional(z.string().min(1)),
  GOOGLE_CLIENT_ID: optional(z.string().min(1)),
  GOOGLE_CLIENT_SECRET: optional(z.string().min(1)),
  /** Comma-separated emails that are system administrators (besides the first user). */
  SEXTANT_ADMIN_EMAILS: optional(z.string()).default(''),
  /** A running run whose last heartbeat is older than this is marked crashed. */
  CRASH_GRACE_SECONDS: optional(
    z.coerce.number().int().min(30, 'must be at least 30 seconds'),
  ).default(300),
  /** Lets Slack alert webhooks point at private or loopback addresses over http (tests, closed networks). */
  SEXTANT_ALLOW_PRIVATE_WEBHOOKS: optional(z.stringbool()).default(false),
  /** Lets team storage connectors point at private or loopback endpoints over http (MinIO on the same network, tests). */
  SEXTANT_ALLOW_PRIVATE_STORAGE_ENDPOINTS: optional(z.stringbool()).default(false),
  /** Where blobs (run files, artifacts) live: `local` (SEXTANT_DATA_DIR/blobs) or `s3`. Default: s3 when S3_BUCKET is set. */
  STORAGE_DRIVER: optional(z.enum(['local', 's3'], { error: 'must be local or s3' })),
  /** Largest single file accepted, in bytes (default 100 GiB). */
  STORAGE_MAX_FILE_BYTES: optional(z.coerce.number().int().min(1)).default(100 * 1024 ** 3),
  /** Size of upload parts, in bytes (default 16 MiB; S3 needs at least 5 MiB except in tests). */
  STORAGE_PART_SIZE_BYTES: optional(
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(5 * 1024 ** 3),
  ).default(16 * 1024 ** 2),
  /** S3-compatible object storage (AWS, MinIO, Ceph, R2, ...). Unset endpoint: AWS. */
  S3_ENDPOINT: optional(z.url({ error: 'must be a URL such as https://s3.example.com' })),
  S3_BUCKET: optional(z.string().min(3)),
  S3_REGION: optional(z.string().min(1)).default('us-east-1'),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  /** Path-style URLs (endpoint/bucket/key), which MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false', '1', '0'])).transform(
    (value) => value === 'true' || value === '1',
  ),
  /** Key prefix inside the bucket, e.g. `sextant/`. */
  S3_PREFIX: optional(z.string()).default(''),
  GRAPHQL_MAX_DEPTH: optional(z.coerce.number().int().min(2).max(50)).default(12),
  GRAPHQL_MAX_COMPLEXITY: optional(z.coerce.number().int().min(10)).default(5000),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
    this.name = 'EnvError';
  }
}

/** Parses a raw environment; throws an EnvError naming every bad variable at once. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const value = raw[name];
      const shown = value === undefined ? 'it is not set' : `got ${JSON.stringify(value)}`;
      return `${name}: ${issue.message} (${shown})`;
    });
    throw new EnvError(problems);
  }
  const env = result.data;
  return { ...env, APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}` };
}

let cached: Env | undefined;

/** The process configuration, parsed on first use (lazily, so `next build` needs none). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The database URL, which the server cannot run without. */
export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) {
    throw new EnvError([
      'DATABASE_URL: is required by the server (it is not set); `npm start` sets it when it runs the embedded Postgres',
    ]);
  }
  return url;
}
