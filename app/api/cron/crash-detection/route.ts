import { authorizeCron } from '@/lib/cron/authorize-cron';
import { detectCrashedRuns } from '@/lib/runs/crash-detection';

export const dynamic = 'force-dynamic';

/** Marks runs whose heartbeats stopped as crashed. Bearer $CRON_SECRET; safe to run concurrently. */
async function handle(request: Request): Promise<Response> {
  if (!authorizeCron(request)) {
    return Response.json(
      { error: 'Unauthorized' },
      { status: 401, headers: { 'www-authenticate': 'Bearer' } },
    );
  }
  return Response.json(await detectCrashedRuns(), { headers: { 'cache-control': 'no-store' } });
}

export const GET = handle;
export const POST = handle;
