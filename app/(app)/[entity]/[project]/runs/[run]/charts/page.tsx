import { RunChartsTab } from '../run-charts-tab';
import type { RunParams } from '../load-run';

export const metadata = { title: 'Charts' };

/** The run's metric panels, with the same editing as the project workspace. */
export default function RunChartsPage(props: RunParams) {
  return <RunChartsTab {...props} kind="history" />;
}
