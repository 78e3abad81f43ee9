'use client';

import { LineChart as LineChartIcon, Trash2 } from 'lucide-react';
import { LineChart } from '@/components/charts/line-chart';
import { runColor } from '@/components/runs/run-colors';
import type { ReportPanel } from '@/lib/reports/schemas';

export const reportPanelTitle = (panel: Pick<ReportPanel, 'title' | 'yKeys'>) =>
  panel.title || panel.yKeys.join(', ') || 'Chart';

/**
 * A report's charts: the project's line chart for each panel's runs and metrics, two to a
 * row on wide screens. With `onRemove` (the editor), each has a remove button.
 */
export function ReportPanels({
  entity,
  project,
  panels,
  runNames,
  onRemove,
}: {
  entity: string;
  project: string;
  panels: ReportPanel[];
  runNames: Record<string, string>;
  onRemove?: (id: string) => void;
}) {
  if (panels.length === 0) return null;
  return (
    <ul aria-label="Charts" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      {panels.map((panel) => {
        const title = reportPanelTitle(panel);
        return (
          <li
            key={panel.id}
            aria-label={title}
            className="min-w-0 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
          >
            <div className="mb-1 flex items-start justify-between gap-2">
              <div className="min-w-0">
                <h3 className="truncate text-sm font-medium">{title}</h3>
                <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                  {panel.runIds.map((id) => runNames[id] ?? id).join(', ')}
                </p>
              </div>
              {onRemove && (
                <button
                  type="button"
                  aria-label={`Remove chart ${title}`}
                  onClick={() => onRemove(panel.id)}
                  className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-red-600 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-red-400"
                >
                  <Trash2 className="h-4 w-4" aria-hidden />
                </button>
              )}
            </div>
            <LineChart
              entityName={entity}
              projectName={project}
              runs={panel.runIds.map((runId) => ({
                runId,
                name: runNames[runId] ?? runId,
                color: runColor(runId),
              }))}
              keys={panel.yKeys}
              options={{
                xAxis: panel.xAxis,
                logX: panel.logX,
                logY: panel.logY,
                smoothing: panel.smoothing,
                legend: panel.legend,
              }}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** Shown where a report has no charts yet (the editor). */
export function NoPanels({ children }: { children: string }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-zinc-300 py-8 text-center dark:border-zinc-700">
      <LineChartIcon className="h-6 w-6 text-zinc-400" aria-hidden />
      <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{children}</p>
    </div>
  );
}
