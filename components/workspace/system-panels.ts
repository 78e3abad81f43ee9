import type { Panel } from '@/lib/workspaces/schemas';

/**
 * The System tab's panels: the SDK's system metrics (sdk/src/system-metrics.ts, the seed's
 * names) grouped as people look for them, each with its unit in the axis title. A panel
 * shows every key its pattern matches (all GPUs, all disks, all cores).
 */
interface SystemPanel {
  id: string;
  section: 'CPU' | 'Memory' | 'Disk' | 'Network' | 'GPU';
  title: string;
  /** The y-axis title, with the unit. */
  unit: string;
  pattern: string;
}

export const systemPanelSpecs: SystemPanel[] = [
  { id: 'cpu', section: 'CPU', title: 'CPU utilization', unit: 'CPU (%)', pattern: '^system/cpu$' },
  {
    id: 'cpu-cores',
    section: 'CPU',
    title: 'CPU utilization per core',
    unit: 'CPU (%)',
    pattern: '^system/cpu\\.\\d+\\.cpu_percent$',
  },
  {
    id: 'threads',
    section: 'CPU',
    title: 'Process threads',
    unit: 'Threads',
    pattern: '^system/proc\\.cpu\\.threads$',
  },
  {
    id: 'memory',
    section: 'Memory',
    title: 'System memory in use',
    unit: 'Memory (%)',
    pattern: '^system/memory$',
  },
  {
    id: 'proc-memory',
    section: 'Memory',
    title: 'Process memory in use',
    unit: 'Memory (MB)',
    pattern: '^system/proc\\.memory\\.rssMB$',
  },
  {
    id: 'proc-memory-percent',
    section: 'Memory',
    title: 'Process memory in use (%)',
    unit: 'Memory (%)',
    pattern: '^system/proc\\.memory\\.percent$',
  },
  {
    id: 'memory-available',
    section: 'Memory',
    title: 'Memory available',
    unit: 'Memory (MB)',
    pattern: '^system/proc\\.memory\\.availableMB$',
  },
  {
    id: 'disk-percent',
    section: 'Disk',
    title: 'Disk usage',
    unit: 'Disk (%)',
    pattern: '^system/disk\\..+\\.usagePercent$',
  },
  {
    id: 'disk-gb',
    section: 'Disk',
    title: 'Disk space used',
    unit: 'Disk (GB)',
    pattern: '^system/disk\\..+\\.usageGB$',
  },
  {
    id: 'disk-io',
    section: 'Disk',
    title: 'Disk I/O since start',
    unit: 'Data (MB)',
    pattern: '^system/disk\\.(in|out)$',
  },
  {
    id: 'network',
    section: 'Network',
    title: 'Network traffic since start',
    unit: 'Data (bytes)',
    pattern: '^system/network\\.(sent|recv)$',
  },
  {
    id: 'gpu-util',
    section: 'GPU',
    title: 'GPU utilization',
    unit: 'GPU (%)',
    pattern: '^system/gpu\\.\\d+\\.gpu$',
  },
  {
    id: 'gpu-temp',
    section: 'GPU',
    title: 'GPU temperature',
    unit: 'Temperature (°C)',
    pattern: '^system/gpu\\.\\d+\\.temp$',
  },
  {
    id: 'gpu-memory',
    section: 'GPU',
    title: 'GPU memory allocated',
    unit: 'Memory (%)',
    pattern: '^system/gpu\\.\\d+\\.memoryAllocated$',
  },
  {
    id: 'gpu-memory-bytes',
    section: 'GPU',
    title: 'GPU memory allocated (bytes)',
    unit: 'Memory (bytes)',
    pattern: '^system/gpu\\.\\d+\\.memoryAllocatedBytes$',
  },
  {
    id: 'gpu-memory-time',
    section: 'GPU',
    title: 'GPU time spent accessing memory',
    unit: 'Time (%)',
    pattern: '^system/gpu\\.\\d+\\.memory$',
  },
  {
    id: 'gpu-power',
    section: 'GPU',
    title: 'GPU power usage',
    unit: 'Power (W)',
    pattern: '^system/gpu\\.\\d+\\.powerWatts$',
  },
  {
    id: 'gpu-power-percent',
    section: 'GPU',
    title: 'GPU power usage (%)',
    unit: 'Power (%)',
    pattern: '^system/gpu\\.\\d+\\.powerPercent$',
  },
  {
    id: 'gpu-clocks',
    section: 'GPU',
    title: 'GPU clocks',
    unit: 'Clock (MHz)',
    pattern: '^system/gpu\\.\\d+\\.(smClock|memoryClock|graphicsClock)$',
  },
];

/** The system panels that have data among `keys`, plotted against time since the run started. */
export function systemPanels(keys: readonly string[]): Panel[] {
  return systemPanelSpecs
    .filter((spec) => {
      const pattern = new RegExp(spec.pattern);
      return keys.some((key) => pattern.test(key));
    })
    .map((spec) => ({
      id: `system:${spec.id}`,
      title: spec.title,
      section: spec.section,
      xAxis: '_runtime',
      yKeys: [],
      yRegex: spec.pattern,
      logY: false,
      logX: false,
      smoothing: 0,
      // One line per core can be dozens: the hover lists them, a legend would bury the plot.
      legend: spec.id === 'cpu-cores' ? 'hidden' : 'top',
      size: 'small',
    }));
}

/** The y-axis title of a system panel; copies and edits keep it while they plot the same metrics. */
export function systemUnit(panel: Panel): string | undefined {
  return systemPanelSpecs.find(
    (spec) => panel.id === `system:${spec.id}` || panel.yRegex === spec.pattern,
  )?.unit;
}
