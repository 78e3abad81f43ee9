import { getPool } from '../db/prisma';
import type { MetricsStore } from './metrics-store';
import { PostgresMetricsStore } from './postgres-metrics-store';

let store: MetricsStore | undefined;

/** The configured metrics store (Postgres; a column store can replace it behind the same interface). */
export function getMetricsStore(): MetricsStore {
  store ??= new PostgresMetricsStore(() => getPool());
  return store;
}
