import { getHealth } from '@/lib/system/health';

export const dynamic = 'force-dynamic';

/** Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
