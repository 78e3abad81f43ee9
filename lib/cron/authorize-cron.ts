import { createHash, timingSafeEqual } from 'node:crypto';
import { getEnv } from '../env';

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when the request carries `Authorization: Bearer <CRON_SECRET>`. Always false while
 * CRON_SECRET is unset, so the cron routes are closed rather than open by default.
 * Digests are compared, not the strings: timingSafeEqual needs equal lengths, and hashing
 * first keeps the comparison constant-time without revealing the secret's length.
 */
export function authorizeCron(request: Request): boolean {
  const secret = getEnv().CRON_SECRET;
  if (!secret) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return false;
  return timingSafeEqual(sha256(match[1]), sha256(secret));
}

/**
 * A cron route handler: 401 without the secret, else runs the job and answers its report as
 * JSON. Jobs are idempotent and lock rows, so any number of instances may call them at once.
 */
export function cronHandler(job: () => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    const noStore = { 'cache-control': 'no-store' };
    if (!authorizeCron(request)) {
      return Response.json(
        { error: 'Unauthorized' },
        { status: 401, headers: { 'www-authenticate': 'Bearer', ...noStore } },
      );
    }
    return Response.json(await job(), { headers: noStore });
  };
}
