'use client';

import { Filter, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';
import {
  builtinFilterLabels,
  kindOf,
  opLabels,
  opsByKind,
  runStates,
  takesList,
  takesNoValue,
} from './filter-ops';
import { Popover } from './popover';
import type { TableFilter } from './table-state';

interface DraftFilter {
  key: string;
  op: TableFilter['op'];
  text: string;
}

const selectClass = cn(inputClass, 'h-8 py-0 pr-7 text-sm');

function toDraft(filter: TableFilter): DraftFilter {
  const text = filter.values?.length ? filter.values.join(', ') : String(filter.value ?? '');
  return { key: filter.key, op: filter.op, text };
}

/** Typed the way people mean it: numbers as numbers, true/false as booleans, lists split on commas. */
function fromDraft(draft: DraftFilter): TableFilter | string {
  const kind = kindOf(draft.key);
  const text = draft.text.trim();
  if (takesNoValue(draft.op)) return { key: draft.key, op: draft.op };
  if (takesList(draft.op)) {
    const values = text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return values.length ? { key: draft.key, op: draft.op, values } : 'needs at least one value';
  }
  if (!text) return 'needs a value';
  const ordering = ['lt', 'lte', 'gt', 'gte'].includes(draft.op);
  if (kind === 'date') {
    const date = new Date(text);
    return Number.isNaN(date.getTime())
      ? 'needs a date'
      : { key: draft.key, op: draft.op, value: date.toISOString() };
  }
  if (kind === 'number' || (kind === 'json' && ordering)) {
    const number = Number(text);
    return Number.isFinite(number)
      ? { key: draft.key, op: draft.op, value: number }
      : 'needs a number';
  }
  if (kind === 'json' && draft.op !== 'contains') {
    if (text === 'true' || text === 'false')
      return { key: draft.key, op: draft.op, value: text === 'true' };
    const number = Number(text);
    if (Number.isFinite(number)) return { key: draft.key, op: draft.op, value: number };
  }
  return { key: draft.key, op: draft.op, value: text };
}

/** Builds the AND-ed filter list: column, operator, value per row. */
export function FilterBuilder({
  filters,
  keys,
  onApply,
}: {
  filters: TableFilter[];
  keys: string[];
  onApply: (filters: TableFilter[]) => void;
}) {
  return (
    <Popover
      label="Filters"
      panelClassName="w-[min(40rem,calc(100vw-2rem))]"
      buttonClassName={
        filters.length ? 'border-brand-500 text-brand-700 dark:text-brand-500' : undefined
      }
      button={
        <>
          <Filter className="h-4 w-4" aria-hidden />
          Filter{filters.length ? ` (${filters.length})` : ''}
        </>
      }
    >
      {(close) => (
        <FilterRows
          initial={filters.map(toDraft)}
          keys={keys}
          onApply={(next) => {
            onApply(next);
            close();
          }}
        />
      )}
    </Popover>
  );
}

function FilterRows({
  initial,
  keys,
  onApply,
}: {
  initial: DraftFilter[];
  keys: string[];
  onApply: (filters: TableFilter[]) => void;
}) {
  const [drafts, setDrafts] = useState<DraftFilter[]>(
    initial.length ? initial : [{ key: 'state', op: 'eq', text: 'FINISHED' }],
  );
  const [errors, setErrors] = useState<Record<number, string>>({});
  const update = (index: number, change: Partial<DraftFilter>) =>
    setDrafts((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  function apply() {
    const problems: Record<number, string> = {};
    const parsed: TableFilter[] = [];
    drafts.forEach((draft, index) => {
      const result = fromDraft(draft);
      if (typeof result === 'string') problems[index] = result;
      else parsed.push(result);
    });
    setErrors(problems);
    if (Object.keys(problems).length === 0) onApply(parsed);
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      className="space-y-3"
    >
      {drafts.length === 0 && (
        <p className="text-zinc-600 dark:text-zinc-400">No filters: every run is shown.</p>
      )}
      {drafts.map((draft, index) => {
        const kind = kindOf(draft.key);
        const n = index + 1;
        return (
          <div key={index} className="space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <select
                aria-label={`Filter ${n} column`}
                className={cn(selectClass, 'w-48')}
                value={draft.key}
                onChange={(event) => {
                  const key = event.target.value;
                  const ops = opsByKind[kindOf(key)];
                  update(index, { key, op: ops.includes(draft.op) ? draft.op : ops[0]!, text: '' });
                }}
              >
                <optgroup label="Run">
                  {Object.entries(builtinFilterLabels).map(([key, label]) => (
                    <option key={key} value={key}>
                      {label}
                    </option>
                  ))}
                </optgroup>
                {keys.length > 0 && (
                  <optgroup label="Config and summary">
                    {keys.map((key) => (
                      <option key={key} value={key}>
                        {key}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
              <select
                aria-label={`Filter ${n} operator`}
                className={cn(selectClass, 'w-32')}
                value={draft.op}
                onChange={(event) => update(index, { op: event.target.value as DraftFilter['op'] })}
              >
                {opsByKind[kind].map((op) => (
                  <option key={op} value={op}>
                    {opLabels[op]}
                  </option>
                ))}
              </select>
              {!takesNoValue(draft.op) &&
                (kind === 'state' && !takesList(draft.op) ? (
                  <select
                    aria-label={`Filter ${n} value`}
                    className={cn(selectClass, 'w-36')}
                    value={draft.text}
                    onChange={(event) => update(index, { text: event.target.value })}
                  >
                    <option value="">Choose…</option>
                    {runStates.map((state) => (
                      <option key={state} value={state}>
                        {state.charAt(0) + state.slice(1).toLowerCase()}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    aria-label={`Filter ${n} value`}
                    aria-invalid={!!errors[index]}
                    className={cn(inputClass, 'h-8 w-40 flex-1 py-0')}
                    type={kind === 'date' ? 'datetime-local' : 'text'}
                    placeholder={takesList(draft.op) ? 'a, b, c' : 'value'}
                    value={draft.text}
                    onChange={(event) => update(index, { text: event.target.value })}
                  />
                ))}
              <button
                type="button"
                aria-label={`Remove filter ${n}`}
                onClick={() => setDrafts((rows) => rows.filter((_, i) => i !== index))}
                className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-red-600 dark:hover:bg-zinc-800"
              >
                <Trash2 className="h-4 w-4" aria-hidden />
              </button>
            </div>
            {errors[index] && (
              <p className="text-xs font-medium text-red-600 dark:text-red-400">
                Filter {n} {errors[index]}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex items-center justify-between gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={() =>
            setDrafts((rows) => [
              ...rows,
              { key: keys[0] ?? 'name', op: opsByKind[kindOf(keys[0] ?? 'name')][0]!, text: '' },
            ])
          }
        >
          <Plus className="h-4 w-4" aria-hidden />
          Add filter
        </Button>
        <div className="flex gap-2">
          {initial.length > 0 && (
            <Button type="button" variant="secondary" size="sm" onClick={() => onApply([])}>
              Clear all
            </Button>
          )}
          <Button type="submit" size="sm">
            Apply filters
          </Button>
        </div>
      </div>
    </form>
  );
}
