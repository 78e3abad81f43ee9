'use client';

import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { requestGraphQL } from '@/components/charts/graphql-client';
import { runColor } from '@/components/runs/run-colors';
import { ChartsLoadError, ChartsSkeleton } from './chart-states';
import { PanelGrid } from './panel-grid';
import { emptyLayout, layoutReducer, type LayoutAction } from './panel-layout';
import { ProjectWorkspace } from './project-workspace';
import { systemPanels, systemUnit } from './system-panels';
import { useChartContext } from './use-chart-context';

/**
 * One run's charts for the run page. `history`: the project's panels for this run alone,
 * with the same editing and the same saved layout as the project workspace. `system`: the
 * SDK's system metrics grouped (CPU, memory, disk, network, GPU) with units, against time
 * since the run started; edits there last for the visit.
 */
export function RunCharts({
  entityName,
  projectName,
  runId,
  kind,
}: {
  entityName: string;
  projectName: string;
  runId: string;
  kind: 'history' | 'system';
}) {
  const [name, setName] = useState(runId);
  useEffect(() => {
    const controller = new AbortController();
    requestGraphQL<{ run: { displayName: string } }>(
      `query RunName($entity: String!, $project: String!, $id: String!) {
        run(entity: $entity, project: $project, id: $id) { displayName }
      }`,
      { entity: entityName, project: projectName, id: runId },
      controller.signal,
    )
      .then((data) => setName(data.run.displayName))
      .catch(() => {});
    return () => controller.abort();
  }, [entityName, projectName, runId]);
  const run = { id: runId, runId, name, color: runColor(runId) };

  if (kind === 'history')
    return (
      <ProjectWorkspace
        entityName={entityName}
        projectName={projectName}
        runs={[run]}
        canEdit={false}
      />
    );
  return <SystemCharts entityName={entityName} projectName={projectName} run={run} />;
}

function SystemCharts({
  entityName,
  projectName,
  run,
}: {
  entityName: string;
  projectName: string;
  run: { runId: string; name: string; color: string };
}) {
  const { keys, running, error, retry } = useChartContext(entityName, projectName, [run.runId]);
  const defaults = useMemo(() => (keys ? systemPanels(keys) : []), [keys]);
  const [edited, setEdited] = useReducer(
    (state: typeof emptyLayout | null, action: LayoutAction | null) =>
      action === null ? null : layoutReducer(state ?? { ...emptyLayout, panels: defaults }, action),
    null,
  );
  const dispatch = useCallback((action: LayoutAction) => setEdited(action), []);
  const layout = edited ?? { ...emptyLayout, panels: defaults };

  if (error) return <ChartsLoadError error={error} onRetry={retry} />;
  if (keys === null) return <ChartsSkeleton layout="compact" label="Loading system metrics" />;
  return (
    <PanelGrid
      entityName={entityName}
      projectName={projectName}
      runs={[run]}
      availableKeys={keys}
      layout={layout}
      dispatch={dispatch}
      editable
      live={running}
      yTitleFor={systemUnit}
      emptyTitle="No system metrics"
      emptyText="The SDK samples CPU, memory, disk, network and GPU use while a run logs; this run sent none."
    />
  );
}
