import { checkDatabase, type DatabaseHealth } from '../db/health';
import { appVersion } from '../version';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: DatabaseHealth;
}

/** What `/api/health` and the `instance` query report: ok only when the database answers. */
export async function getHealth(): Promise<Health> {
  const database = await checkDatabase();
  return {
    status: database.reachable ? 'ok' : 'degraded',
    version: appVersion,
    uptimeSeconds: Math.round(process.uptime()),
    database,
  };
}
