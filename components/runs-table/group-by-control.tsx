'use client';

import { Group } from 'lucide-react';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';
import { Popover } from './popover';
import type { ColumnKey } from './use-runs-page';

const builtinGroups = [
  { key: 'group', label: 'Group' },
  { key: 'jobType', label: 'Job type' },
  { key: 'state', label: 'State' },
  { key: 'author', label: 'Author' },
];

/** Groups the runs by a column and picks the numeric column whose min/max/mean each group shows. */
export function GroupByControl({
  keys,
  groupBy,
  aggregate,
  onChange,
}: {
  keys: ColumnKey[];
  groupBy: string | null;
  aggregate: string | null;
  onChange: (groupBy: string | null, aggregate: string | null) => void;
}) {
  const numeric = keys.filter((k) => k.numeric);
  const selectClass = cn(inputClass, 'h-8 py-0');
  return (
    <Popover
      label="Group runs"
      buttonClassName={groupBy ? 'border-brand-500 text-brand-700 dark:text-brand-500' : undefined}
      panelClassName="w-72"
      button={
        <>
          <Group className="h-4 w-4" aria-hidden />
          {groupBy ? `Grouped by ${groupBy}` : 'Group'}
        </>
      }
    >
      {(close) => (
        <div className="space-y-3">
          <label className="block space-y-1">
            <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Group by</span>
            <select
              className={selectClass}
              value={groupBy ?? ''}
              onChange={(event) => onChange(event.target.value || null, aggregate)}
            >
              <option value="">No grouping</option>
              <optgroup label="Run">
                {builtinGroups.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.label}
                  </option>
                ))}
              </optgroup>
              {keys.some((k) => k.key.startsWith('config.')) && (
                <optgroup label="Config">
                  {keys
                    .filter((k) => k.key.startsWith('config.'))
                    .map((k) => (
                      <option key={k.key} value={k.key}>
                        {k.key}
                      </option>
                    ))}
                </optgroup>
              )}
            </select>
          </label>
          <label className="block space-y-1">
            <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Aggregate (min, max, mean)
            </span>
            <select
              className={selectClass}
              value={aggregate ?? ''}
              disabled={!groupBy}
              onChange={(event) => onChange(groupBy, event.target.value || null)}
            >
              <option value="">Counts only</option>
              <option value="runtime">Runtime</option>
              {numeric.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.key}
                </option>
              ))}
            </select>
          </label>
          <div className="flex justify-end">
            <Button type="button" size="sm" variant="secondary" onClick={close}>
              Done
            </Button>
          </div>
        </div>
      )}
    </Popover>
  );
}
