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
    return { reachable: false, latencyMs: null, error: summarize(error) };
  }
}

/** Prisma prefixes driver errors with invocation context; the last line says what happened. */
function summarize(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.at(-1) ?? 'unknown error';
}
