import { RunCharts } from '@/components/workspace/run-charts';
import { loadFromParams, type RunParams } from './load-run';

/** The body of the Charts and System tabs: the run's panels of one kind of metric. */
export async function RunChartsTab({ kind, ...props }: RunParams & { kind: 'history' | 'system' }) {
  const { run, project } = await loadFromParams(props);
  return (
    <RunCharts
      entityName={project.entityName}
      projectName={project.name}
      runId={run.runId}
      kind={kind}
    />
  );
}
