import { cronHandler } from '@/lib/cron/authorize-cron';
import { deliverDueEmails } from '@/lib/email/outbox';

export const dynamic = 'force-dynamic';

/** Retries queued emails (lib/email/outbox.ts); call it every minute with Bearer $CRON_SECRET. */
const handle = cronHandler(() => deliverDueEmails());

export const GET = handle;
export const POST = handle;
