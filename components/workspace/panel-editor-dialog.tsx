'use client';

import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { xAxisLabels } from '@/components/charts/chart-series';
import { Button } from '@/components/ui/button';
import { FieldShell, InputField, inputClass } from '@/components/ui/field';
import { DialogShell } from '@/components/ui/modal-dialog';
import {
  legendPositions,
  panelSizes,
  type LegendPosition,
  type Panel,
  type PanelSize,
} from '@/lib/workspaces/schemas';

const legendLabels: Record<LegendPosition, string> = {
  top: 'Top',
  bottom: 'Bottom',
  right: 'Right',
  hidden: 'Hidden',
};
const sizeLabels: Record<PanelSize, string> = { small: 'Small', medium: 'Medium', large: 'Large' };

const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));

/** The axis range inputs, in the order they appear (empty means automatic). */
const axisLimits = [
  { key: 'xMin', label: 'X min' },
  { key: 'xMax', label: 'X max' },
  { key: 'yMin', label: 'Y min' },
  { key: 'yMax', label: 'Y max' },
] as const;

function SelectField({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <FieldShell label={label}>
      {({ id }) => (
        <select
          id={id}
          className={inputClass}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}

function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="h-4 w-4 rounded border-zinc-300 text-brand-600 focus:ring-brand-500 dark:border-zinc-600"
      />
      {label}
    </label>
  );
}

/**
 * Edits one panel: x-axis, y metrics (picked, or matched by a regular expression), ranges,
 * log scales, smoothing, legend, title, section and size. A native <dialog>, so focus is
 * trapped and Escape closes it without extra code.
 */
export function PanelEditorDialog({
  panel,
  heading,
  availableKeys,
  sections,
  onSave,
  onClose,
}: {
  panel: Panel;
  heading: string;
  availableKeys: string[];
  sections: string[];
  onSave: (panel: Panel) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Panel>(panel);
  const [keyFilter, setKeyFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const sectionsId = useId();
  const set = <K extends keyof Panel>(field: K, value: Panel[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const metricKeys = useMemo(
    () => availableKeys.filter((key) => !key.startsWith('_') && !key.endsWith('/_timestamp')),
    [availableKeys],
  );
  const shownKeys = metricKeys.filter((key) =>
    key.toLowerCase().includes(keyFilter.trim().toLowerCase()),
  );
  const regexError = (() => {
    if (!draft.yRegex) return undefined;
    try {
      new RegExp(draft.yRegex);
      return undefined;
    } catch {
      return 'Not a valid regular expression';
    }
  })();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.yKeys.length === 0 && !draft.yRegex?.trim()) {
      setError('Choose at least one metric, or a regular expression that matches some.');
      return;
    }
    if (regexError) return;
    const ranges: [number | null | undefined, number | null | undefined, string][] = [
      [draft.xMin, draft.xMax, 'x'],
      [draft.yMin, draft.yMax, 'y'],
    ];
    for (const [lo, hi, axis] of ranges) {
      if ([lo, hi].some((v) => v != null && !Number.isFinite(v))) {
        setError(`The ${axis} range must be numbers.`);
        return;
      }
      if (lo != null && hi != null && lo >= hi) {
        setError(`The ${axis} range must go from a smaller to a larger number.`);
        return;
      }
    }
    onSave({
      ...draft,
      title: draft.title?.trim() || undefined,
      yRegex: draft.yRegex?.trim() || undefined,
      section: draft.section.trim() || 'Charts',
    });
  }

  return (
    // Mounted only while a panel is edited, so it opens as it mounts.
    <DialogShell open onClose={onClose} onCancel={onClose} labelledBy={headingId} width="2xl">
      <form onSubmit={submit} className="flex max-h-[85vh] flex-col">
        <header className="border-b border-zinc-200 px-6 py-4 dark:border-zinc-800">
          <h2 id={headingId} className="text-base font-semibold">
            {heading}
          </h2>
        </header>
        <div className="grid gap-4 overflow-y-auto px-6 py-5 sm:grid-cols-2">
          <InputField
            label="Title"
            value={draft.title ?? ''}
            placeholder={draft.yKeys.join(', ') || 'Untitled panel'}
            onChange={(event) => set('title', event.target.value)}
          />
          <FieldShell label="Section">
            {({ id }) => (
              <>
                <input
                  id={id}
                  className={inputClass}
                  list={sectionsId}
                  value={draft.section}
                  onChange={(event) => set('section', event.target.value)}
                />
                <datalist id={sectionsId}>
                  {sections.map((section) => (
                    <option key={section} value={section} />
                  ))}
                </datalist>
              </>
            )}
          </FieldShell>
          <SelectField label="X-axis" value={draft.xAxis} onChange={(v) => set('xAxis', v)}>
            {Object.entries(xAxisLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <optgroup label="Metrics">
              {metricKeys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </optgroup>
          </SelectField>
          <SelectField
            label="Legend"
            value={draft.legend}
            onChange={(v) => set('legend', v as LegendPosition)}
          >
            {legendPositions.map((position) => (
              <option key={position} value={position}>
                {legendLabels[position]}
              </option>
            ))}
          </SelectField>

          <fieldset className="space-y-2 sm:col-span-2">
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Y metrics
            </legend>
            <input
              aria-label="Filter metrics"
              placeholder="Filter metrics"
              className={inputClass}
              value={keyFilter}
              onChange={(event) => setKeyFilter(event.target.value)}
            />
            <div className="max-h-40 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
              {shownKeys.length === 0 ? (
                <p className="px-1 py-2 text-sm text-zinc-500 dark:text-zinc-400">
                  No metrics match.
                </p>
              ) : (
                <ul className="grid gap-1 sm:grid-cols-2">
                  {shownKeys.map((key) => (
                    <li key={key}>
                      <CheckboxField
                        label={key}
                        checked={draft.yKeys.includes(key)}
                        onChange={(checked) =>
                          set(
                            'yKeys',
                            checked
                              ? [...draft.yKeys, key]
                              : draft.yKeys.filter((existing) => existing !== key),
                          )
                        }
                      />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </fieldset>
          <div className="sm:col-span-2">
            <InputField
              label="Y metrics matching (regular expression)"
              placeholder="e.g. ^val/"
              value={draft.yRegex ?? ''}
              error={regexError}
              hint="Every metric whose name matches is added to the panel, now and as runs log new ones."
              onChange={(event) => set('yRegex', event.target.value)}
            />
          </div>

          {axisLimits.map(({ key, label }) => (
            <InputField
              key={key}
              label={label}
              type="number"
              step="any"
              value={draft[key] ?? ''}
              onChange={(event) => set(key, toNumber(event.target.value))}
            />
          ))}

          <FieldShell
            label={`Smoothing (${draft.smoothing.toFixed(2)})`}
            hint="Exponential moving average; the raw line stays faint behind it."
          >
            {({ id, describedBy }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                type="range"
                min={0}
                max={0.99}
                step={0.01}
                value={draft.smoothing}
                onChange={(event) => set('smoothing', Number(event.target.value))}
                className="w-full accent-brand-600"
              />
            )}
          </FieldShell>
          <SelectField
            label="Size"
            value={draft.size}
            onChange={(v) => set('size', v as PanelSize)}
          >
            {panelSizes.map((size) => (
              <option key={size} value={size}>
                {sizeLabels[size]}
              </option>
            ))}
          </SelectField>
          <div className="flex flex-wrap gap-6 sm:col-span-2">
            <CheckboxField
              label="Log scale (y)"
              checked={draft.logY}
              onChange={(v) => set('logY', v)}
            />
            <CheckboxField
              label="Log scale (x)"
              checked={draft.logX}
              onChange={(v) => set('logX', v)}
            />
          </div>
          {error && (
            <p role="alert" className="text-sm text-red-600 sm:col-span-2 dark:text-red-400">
              {error}
            </p>
          )}
        </div>
        <footer className="flex items-center justify-end gap-3 border-t border-zinc-200 bg-zinc-50 px-6 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Save panel</Button>
        </footer>
      </form>
    </DialogShell>
  );
}
