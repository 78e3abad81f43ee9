import { describe, expect, it } from 'vitest';
import { findFreePort } from '@/lib/net/find-free-port';

// Point the app at a port where no Postgres listens, before any app module reads the environment.
process.env.DATABASE_URL = `postgresql://nobody:x@127.0.0.1:${await findFreePort()}/nowhere`;
const { GET } = await import('@/app/api/health/route');

describe('GET /api/health without a database', () => {
  it('answers 503 degraded with the reason instead of hanging or throwing', async () => {
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe('degraded');
    expect(body.database.reachable).toBe(false);
    expect(body.database.error).toBeTruthy();
  });
});
