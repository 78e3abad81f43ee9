import { getPrisma } from './prisma';

export interface DatabaseHealth {
  reachable: boolean;
  latencyMs: number | null;
  error?: string;
}

/** Round-trips `SELECT 1` with a deadline, so a hung database cannot hang health checks. */
export async function checkDatabase(timeoutMs = 2000): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await Promise.race([
      getPrisma().$queryRaw`SELECT 1`,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      reachable: false,
      latencyMs: null,
      error: error instanceof Error ? error.message.split('\n')[0] : 'unknown error',
    };
  }
}
