import { spawn } from 'node:child_process';
import { findFreePort } from '../../../lib/net/find-free-port';

/**
 * `npm start`'s production server (scripts/start.ts: build when the source changed, then
 * `next start`) on a free port, against the bench database. Resolves once /api/health answers.
 */
export async function startNextServer(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await findFreePort(3400);
  const server = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SEXTANT_CRON: 'external',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  let exitCode: number | null = null;
  server.on('exit', (code) => (exitCode = code ?? 1));
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (exitCode !== null || i > 600) {
      throw new Error(`the server did not start (exit code ${exitCode}); see its output above`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    /** The server runs detached: its process group (start script + web workers) has this id. */
    processGroup: server.pid!,
    stop: async () => {
      process.kill(-server.pid!, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 1500));
    },
  };
}
