import { RunCharts } from '@/components/workspace/run-charts';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Charts' };

/** The run's metric panels, with the same editing as the project workspace. */
export default async function RunChartsPage(props: RunParams) {
  const { run, project } = await loadFromParams(props);
  return (
    <RunCharts
      entityName={project.entityName}
      projectName={project.name}
      runId={run.runId}
      kind="history"
    />
  );
}
