import { cronHandler } from '@/lib/cron/authorize-cron';
import { runStorageCleanup } from '@/lib/storage/cleanup';

export const dynamic = 'force-dynamic';

/** Expired upload sessions, unreferenced blobs past their grace, and usage warnings. */
const handle = cronHandler(() => runStorageCleanup());

export const GET = handle;
export const POST = handle;
