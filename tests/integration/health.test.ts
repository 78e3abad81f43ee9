import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import packageJson from '@/package.json' with { type: 'json' };

describe('GET /api/health', () => {
  it('reports ok, the version and a reachable database', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      version: packageJson.version,
      database: { reachable: true },
    });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
