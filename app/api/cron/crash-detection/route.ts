import { cronHandler } from '@/lib/cron/authorize-cron';
import { detectCrashedRuns } from '@/lib/runs/crash-detection';

export const dynamic = 'force-dynamic';

/** Marks runs whose heartbeats stopped as crashed (and raises their alerts). */
const handle = cronHandler(() => detectCrashedRuns());

export const GET = handle;
export const POST = handle;
