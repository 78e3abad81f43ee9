'use client';

import { Plus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { saveReportAction } from '@/app/(app)/[entity]/[project]/reports/actions';
import { fetchChartKeys } from '@/components/charts/chart-series';
import { FormMessage } from '@/components/settings/form-message';
import { MarkdownText } from '@/components/teams/markdown';
import { Button } from '@/components/ui/button';
import { ButtonLink } from '@/components/ui/button-link';
import { cn } from '@/components/ui/cn';
import { FieldShell, InputField, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import {
  maxBodyBytes,
  maxDescriptionLength,
  maxPanels,
  maxRunsPerPanel,
  maxTitleLength,
  type ReportPanel,
} from '@/lib/reports/schemas';
import { NoPanels, ReportPanels } from './report-panels';

export interface EditableReport {
  id: string;
  title: string;
  description: string;
  body: string;
  panels: ReportPanel[];
}

const newPanelId = () => `p-${crypto.randomUUID().slice(0, 8)}`;

/**
 * Writing a report: title, description, markdown with a preview, and charts built by picking
 * runs of the project and a metric. Saving goes through the same service as the API, which
 * checks everything again; its field errors show beside the inputs.
 */
export function ReportEditor({
  entity,
  project,
  runs,
  report,
}: {
  entity: string;
  project: string;
  runs: { runId: string; name: string }[];
  /** Absent while creating. */
  report?: EditableReport;
}) {
  const action = useMemo(
    () => saveReportAction.bind(null, { entity, project, id: report?.id }),
    [entity, project, report?.id],
  );
  const { state, dispatch, pending, onSubmit, errorFor } = useFormAction(action);
  const [body, setBody] = useState(report?.body ?? '');
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const [panels, setPanels] = useState<ReportPanel[]>(report?.panels ?? []);
  const runNames = useMemo(() => Object.fromEntries(runs.map((r) => [r.runId, r.name])), [runs]);
  const bodyBytes = useMemo(() => new TextEncoder().encode(body).length, [body]);
  const cancelHref = `/${entity}/${project}/reports${report ? `/${report.id}` : ''}`;
  const panelError = state.status === 'error' ? panelProblem(state.fields) : undefined;

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-6">
      <FormMessage
        state={state}
        shownFields={[
          'title',
          'description',
          'body',
          // Panel problems show beside the charts (the first of them, as a sentence).
          ...(state.status === 'error'
            ? Object.keys(state.fields).filter((field) => field.startsWith('panels'))
            : []),
        ]}
      />
      <div className="grid gap-4">
        <InputField
          label="Title"
          name="title"
          required
          maxLength={maxTitleLength}
          defaultValue={report?.title}
          placeholder="What did we learn?"
          error={errorFor('Title', 'title')}
        />
        <InputField
          label="Description"
          name="description"
          maxLength={maxDescriptionLength}
          defaultValue={report?.description}
          placeholder="One line for the report list (optional)"
          error={errorFor('Description', 'description')}
        />
      </div>

      <FieldShell
        label="Text"
        hint={`Markdown (GitHub flavour). ${formatKb(bodyBytes)} of ${maxBodyBytes / 1024} kB.`}
        error={errorFor('Text', 'body')}
      >
        {({ id, describedBy, invalid }) => (
          <div className="overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700">
            <div
              role="tablist"
              aria-label="Text view"
              className="flex gap-1 border-b border-zinc-200 bg-zinc-50 px-2 pt-2 dark:border-zinc-800 dark:bg-zinc-900/60"
            >
              {(['write', 'preview'] as const).map((name) => (
                <button
                  key={name}
                  type="button"
                  role="tab"
                  aria-selected={tab === name}
                  onClick={() => setTab(name)}
                  className={cn(
                    'rounded-t-md px-3 py-1.5 text-sm font-medium capitalize',
                    tab === name
                      ? 'border border-b-0 border-zinc-200 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'
                      : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                  )}
                >
                  {name}
                </button>
              ))}
            </div>
            {/* Kept mounted while previewing, so the form always sends the text. */}
            <textarea
              id={id}
              name="body"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              placeholder={'## Findings\n\nWarm-up made training stable; see the loss below.'}
              className={cn(
                inputClass,
                'min-h-64 rounded-none border-0 font-mono shadow-none focus:ring-0',
                tab === 'preview' && 'hidden',
              )}
            />
            {tab === 'preview' && (
              <div className="min-h-64 bg-white px-4 py-3 dark:bg-zinc-900">
                {body.trim() ? (
                  <MarkdownText>{body}</MarkdownText>
                ) : (
                  <p className="text-sm text-zinc-500 italic">Nothing to preview yet.</p>
                )}
              </div>
            )}
          </div>
        )}
      </FieldShell>

      <section aria-labelledby="charts-heading" className="space-y-3">
        <div>
          <h2 id="charts-heading" className="text-base font-semibold">
            Charts
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Line charts of runs you pick, shown below the text. Up to {maxPanels}.
          </p>
        </div>
        <input type="hidden" name="panels" value={JSON.stringify(panels)} />
        {panelError && (
          <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
            {panelError}
          </p>
        )}
        {panels.length === 0 ? (
          <NoPanels>No charts yet. Pick runs and a metric below to add one.</NoPanels>
        ) : (
          <ReportPanels
            entity={entity}
            project={project}
            panels={panels}
            runNames={runNames}
            onRemove={(id) => setPanels((previous) => previous.filter((p) => p.id !== id))}
          />
        )}
        {panels.length < maxPanels && (
          <PanelBuilder
            entity={entity}
            project={project}
            runs={runs}
            onAdd={(panel) => setPanels((previous) => [...previous, panel])}
          />
        )}
      </section>

      <div className="flex justify-end gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <ButtonLink href={cancelHref} variant="secondary">
          Cancel
        </ButtonLink>
        <Button type="submit" pending={pending}>
          {report ? 'Save report' : 'Create report'}
        </Button>
      </div>
    </form>
  );
}

function formatKb(bytes: number) {
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} kB`;
}

/** The first panel problem the server named, as a sentence ("Chart 2: …"). */
function panelProblem(fields: Record<string, string>): string | undefined {
  const entry = Object.entries(fields).find(([field]) => field.startsWith('panels'));
  if (!entry) return undefined;
  const index = /^panels\.(\d+)/.exec(entry[0]);
  return index ? `Chart ${Number(index[1]) + 1}: ${entry[1]}` : `Charts ${entry[1]}`;
}

/** Picks runs and a metric key (keys logged by the picked runs) and adds a chart. */
function PanelBuilder({
  entity,
  project,
  runs,
  onAdd,
}: {
  entity: string;
  project: string;
  runs: { runId: string; name: string }[];
  onAdd: (panel: ReportPanel) => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const [keys, setKeys] = useState<{ for: string; keys: string[] } | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [metric, setMetric] = useState('');
  const [title, setTitle] = useState('');
  const [logY, setLogY] = useState(false);
  const pickedKey = picked.join('\0');

  // The metric list follows the picked runs: keys any of them logged.
  useEffect(() => {
    if (picked.length === 0) return;
    const controller = new AbortController();
    fetchChartKeys(entity, project, picked, controller.signal)
      .then((all) => {
        setKeyError(null);
        setKeys({ for: pickedKey, keys: all.filter((key) => !key.startsWith('_')) });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setKeyError(error instanceof Error ? error.message : 'Could not load the metrics');
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pickedKey stands for picked
  }, [entity, project, pickedKey]);

  const available = picked.length > 0 && keys?.for === pickedKey ? keys.keys : null;
  const loadingKeys = picked.length > 0 && available === null && !keyError;
  const chosen = available?.includes(metric) ? metric : '';

  if (runs.length === 0) {
    return (
      <NoPanels>This project has no runs yet. Log a run, then come back to chart it here.</NoPanels>
    );
  }

  return (
    <div className="space-y-4 rounded-xl border border-zinc-200 bg-zinc-50/60 p-4 dark:border-zinc-800 dark:bg-zinc-900/40">
      <h3 className="text-sm font-semibold">Add a chart</h3>
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
            Runs{' '}
            <span className="font-normal text-zinc-500 dark:text-zinc-400">
              ({picked.length} of at most {maxRunsPerPanel})
            </span>
          </legend>
          <ul
            aria-label="Runs to chart"
            className="max-h-48 space-y-0.5 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1 dark:border-zinc-800 dark:bg-zinc-900"
          >
            {runs.map((run) => {
              const on = picked.includes(run.runId);
              const disabled = !on && picked.length >= maxRunsPerPanel;
              return (
                <li key={run.runId}>
                  <label
                    className={cn(
                      'flex items-center gap-2 rounded px-2 py-1 text-sm',
                      disabled
                        ? 'cursor-not-allowed opacity-60'
                        : 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/60',
                    )}
                  >
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={disabled}
                      onChange={(event) =>
                        setPicked((previous) =>
                          event.target.checked
                            ? [...previous, run.runId]
                            : previous.filter((id) => id !== run.runId),
                        )
                      }
                      className="h-4 w-4 accent-brand-600"
                    />
                    <span className="truncate">{run.name}</span>
                    {run.name !== run.runId && (
                      <span className="truncate font-mono text-xs text-zinc-500">{run.runId}</span>
                    )}
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="space-y-4">
          <FieldShell
            label="Metric"
            hint={
              picked.length === 0
                ? 'Pick runs first: the list shows what they logged.'
                : loadingKeys
                  ? 'Loading the metrics these runs logged…'
                  : available?.length === 0
                    ? 'These runs logged no metrics yet.'
                    : undefined
            }
            error={keyError ?? undefined}
          >
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={chosen}
                disabled={!available || available.length === 0}
                onChange={(event) => setMetric(event.target.value)}
                className={inputClass}
              >
                <option value="">Choose a metric</option>
                {available?.map((key) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <InputField
            label="Chart title"
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
            placeholder={chosen || 'Defaults to the metric'}
          />
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={logY}
              onChange={(event) => setLogY(event.target.checked)}
              className="h-4 w-4 accent-brand-600"
            />
            Logarithmic y axis
          </label>
        </div>
      </div>
      <div className="flex justify-end">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={picked.length === 0 || !chosen}
          onClick={() => {
            onAdd({
              id: newPanelId(),
              ...(title.trim() && { title: title.trim() }),
              runIds: picked,
              yKeys: [chosen],
              xAxis: '_step',
              logX: false,
              logY,
              smoothing: 0,
              legend: 'top',
            });
            setTitle('');
            setMetric('');
            setLogY(false);
          }}
        >
          <Plus className="h-4 w-4" aria-hidden />
          Add chart
        </Button>
      </div>
    </div>
  );
}
