'use client';

import { useEffect, useState } from 'react';
import { fetchChartKeys } from '@/components/charts/chart-series';
import { livePollMs } from '@/components/charts/line-chart';
import { requestGraphQL } from '@/components/charts/graphql-client';

/**
 * The metric keys of the charted runs and whether any of them is still running. While one
 * is, both are re-read every few seconds, so new metrics get panels and lines keep growing.
 */
export function useChartContext(entityName: string, projectName: string, runIds: string[]) {
  const [keys, setKeys] = useState<string[] | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const idsKey = runIds.join('\0');

  useEffect(() => {
    const ids = idsKey ? idsKey.split('\0') : [];
    const controller = new AbortController();
    const states = ids.length
      ? requestGraphQL<Record<string, { state: string } | null>>(
          `query RunStates($entity: String!, $project: String!, ${ids
            .map((_, i) => `$id${i}: String!`)
            .join(', ')}) { ${ids
            .map((_, i) => `r${i}: run(entity: $entity, project: $project, id: $id${i}) { state }`)
            .join(' ')} }`,
          {
            entity: entityName,
            project: projectName,
            ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
          },
          controller.signal,
        ).catch(() => ({}) as Record<string, { state: string } | null>)
      : Promise.resolve({} as Record<string, { state: string } | null>);
    Promise.all([fetchChartKeys(entityName, projectName, ids, controller.signal), states])
      .then(([nextKeys, runStates]) => {
        setKeys((previous) =>
          previous && previous.join('\0') === nextKeys.join('\0') ? previous : nextKeys,
        );
        setRunning(Object.values(runStates).some((run) => run?.state === 'RUNNING'));
        setError(null);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof Error ? reason.message : 'Could not load the charts');
      });
    return () => controller.abort();
  }, [entityName, projectName, idsKey, tick]);

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((t) => t + 1), livePollMs);
    return () => clearTimeout(timer);
  }, [running, tick]);

  return { keys, running, error, retry: () => setTick((t) => t + 1) };
}
