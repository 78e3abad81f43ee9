import { RunChartsTab } from '../run-charts-tab';
import type { RunParams } from '../load-run';

export const metadata = { title: 'System' };

/** CPU, memory, disk, network and GPU metrics the SDK sampled while the run ran, with units. */
export default function RunSystemPage(props: RunParams) {
  return <RunChartsTab {...props} kind="system" />;
}
