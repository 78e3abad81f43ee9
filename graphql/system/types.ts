import { getHealth, type Health } from '@/lib/system/health';
import { builder } from '../builder';

const DatabaseStatus = builder.objectRef<Health['database']>('DatabaseStatus').implement({
  description: 'Whether the server reaches its database',
  fields: (t) => ({
    reachable: t.exposeBoolean('reachable'),
    latencyMs: t.exposeInt('latencyMs', { nullable: true }),
  }),
});

const HealthStatus = builder.enumType('HealthStatus', {
  description: 'DEGRADED when the database does not answer',
  values: { OK: { value: 'ok' }, DEGRADED: { value: 'degraded' } } as const,
});

const Instance = builder.objectRef<Health>('Instance').implement({
  description: 'This Sextant installation',
  fields: (t) => ({
    version: t.exposeString('version'),
    status: t.field({ type: HealthStatus, resolve: (health) => health.status }),
    uptimeSeconds: t.exposeInt('uptimeSeconds'),
    database: t.field({ type: DatabaseStatus, resolve: (health) => health.database }),
  }),
});

builder.queryField('instance', (t) =>
  t.field({
    type: Instance,
    description: 'Version and health of this installation',
    resolve: () => getHealth(),
  }),
);
