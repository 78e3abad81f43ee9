import { deliverDueAlerts } from '@/lib/alerts/deliver-alerts';
import { cronHandler } from '@/lib/cron/authorize-cron';

export const dynamic = 'force-dynamic';

/** Delivers due run alerts by email and Slack, with retries and backoff. */
const handle = cronHandler(() => deliverDueAlerts());

export const GET = handle;
export const POST = handle;
