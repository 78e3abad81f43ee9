import { spawn } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/net/find-free-port';

/** Runs `npm start`'s script with an environment of our choosing and collects what it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['scripts/start.ts'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME ?? '/tmp',
        ...env,
      } as unknown as NodeJS.ProcessEnv,
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm start refuses to run with a clear message', () => {
  it('lists every invalid variable and exits non-zero without a stack trace', async () => {
    const { code, output } = await start({
      PORT: 'http',
      DATABASE_URL: 'mysql://db/x',
      LOG_LEVEL: 'chatty',
    });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toMatch(/PORT: .*"http"/);
    expect(output).toMatch(/DATABASE_URL: must be a postgres/);
    expect(output).toMatch(/LOG_LEVEL/);
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('says which port is taken when PORT is in use', async () => {
    const port = await findFreePort();
    const blocker = net.createServer().listen(port);
    try {
      const { code, output } = await start({
        PORT: String(port),
        DATABASE_URL: 'postgresql://x@127.0.0.1:1/x',
      });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('explains an unreachable database and exits non-zero', async () => {
    const port = await findFreePort();
    const { code, output } = await start({
      PORT: String(port),
      DATABASE_URL: `postgresql://x:y@127.0.0.1:${await findFreePort()}/x`,
    });
    expect(code).toBe(1);
    expect(output).toContain('Applying migrations failed');
    expect(output).toMatch(/Can't reach database server/);
  });
});
