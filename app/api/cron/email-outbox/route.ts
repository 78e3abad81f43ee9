import { authorizeCron } from '@/lib/cron/authorize-cron';
import { deliverDueEmails } from '@/lib/email/outbox';

export const dynamic = 'force-dynamic';

/**
 * Retries queued emails (lib/email/outbox.ts). Call it every minute from any scheduler
 * with `Authorization: Bearer $CRON_SECRET`; several instances may call it at once.
 */
async function handle(request: Request): Promise<Response> {
  if (!authorizeCron(request)) {
    return Response.json(
      { error: 'Unauthorized' },
      { status: 401, headers: { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' } },
    );
  }
  const report = await deliverDueEmails();
  return Response.json(report, { headers: { 'cache-control': 'no-store' } });
}

export const GET = handle;
export const POST = handle;
