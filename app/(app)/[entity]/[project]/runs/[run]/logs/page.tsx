import { LogViewer } from '@/components/runs/log-viewer';
import { consoleTail } from '@/lib/runs/read-runs';
import { loadFromParams, type RunParams } from '../load-run';

export const metadata = { title: 'Logs' };

/** The console output tab: the last 1,000 lines, live while the run runs. */
export default async function RunLogsPage(props: RunParams) {
  const { run, project } = await loadFromParams(props);
  const lines = await consoleTail(run.id, 1000);
  return (
    <LogViewer
      entity={project.entityName}
      project={project.name}
      runId={run.runId}
      initialState={run.state}
      initialLines={lines.map(({ lineNo, text, stream }) => ({ lineNo, text, stream }))}
    />
  );
}
