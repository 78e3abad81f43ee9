import { RunCharts } from '@/components/workspace/run-charts';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'System' };

/** CPU, memory, disk, network and GPU metrics the SDK sampled while the run ran, with units. */
export default async function RunSystemPage(props: RunParams) {
  const { run, project } = await loadFromParams(props);
  return (
    <RunCharts
      entityName={project.entityName}
      projectName={project.name}
      runId={run.runId}
      kind="system"
    />
  );
}
