'use client';

import { Columns3 } from 'lucide-react';
import { useState } from 'react';
import { inputClass } from '../ui/field';
import { cn } from '../ui/cn';
import { Popover } from './popover';
import type { ColumnKey } from './use-runs-page';

/** Chooses which config and summary keys appear as columns (searchable; nested keys dotted). */
export function ColumnPicker({
  keys,
  chosen,
  onChange,
}: {
  keys: ColumnKey[];
  chosen: string[];
  onChange: (columns: string[]) => void;
}) {
  return (
    <Popover
      label="Columns"
      align="right"
      panelClassName="w-80"
      button={
        <>
          <Columns3 className="h-4 w-4" aria-hidden />
          Columns
        </>
      }
    >
      {() => <ColumnList keys={keys} chosen={chosen} onChange={onChange} />}
    </Popover>
  );
}

function ColumnList({
  keys,
  chosen,
  onChange,
}: {
  keys: ColumnKey[];
  chosen: string[];
  onChange: (columns: string[]) => void;
}) {
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = keys.filter((k) => k.key.toLowerCase().includes(needle));
  const toggle = (key: string) =>
    onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
  return (
    <div className="space-y-2">
      <input
        type="search"
        aria-label="Search columns"
        placeholder="Search config and summary keys"
        className={cn(inputClass, 'h-8 py-0')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoFocus
      />
      <div className="flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
        <span>
          {chosen.length} of {keys.length} shown
        </span>
        <span className="flex gap-3">
          <button
            type="button"
            className="hover:underline"
            onClick={() => onChange(shown.map((k) => k.key).slice(0, 60))}
          >
            Show all
          </button>
          <button type="button" className="hover:underline" onClick={() => onChange([])}>
            Hide all
          </button>
        </span>
      </div>
      {keys.length === 0 ? (
        <p className="py-4 text-center text-zinc-600 dark:text-zinc-400">
          No config or summary keys logged yet.
        </p>
      ) : (
        <ul className="max-h-72 space-y-0.5 overflow-y-auto" aria-label="Config and summary keys">
          {shown.map((k) => (
            <li key={k.key}>
              <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                <input
                  type="checkbox"
                  checked={chosen.includes(k.key)}
                  onChange={() => toggle(k.key)}
                  className="accent-brand-600"
                />
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{k.key}</span>
                {k.numeric && (
                  <span className="text-[10px] text-zinc-400" title="Holds numbers">
                    123
                  </span>
                )}
              </label>
            </li>
          ))}
          {shown.length === 0 && (
            <li className="py-3 text-center text-zinc-500">No key matches “{search}”.</li>
          )}
        </ul>
      )}
    </div>
  );
}
