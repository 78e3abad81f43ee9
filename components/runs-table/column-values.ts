import type { TableRun } from './use-runs-page';

/** Built-in columns: id (also the server's sort and filter key) and header. */
export const builtinColumns = [
  { id: 'state', label: 'State' },
  { id: 'name', label: 'Name' },
  { id: 'author', label: 'Author' },
  { id: 'createdAt', label: 'Created' },
  { id: 'runtime', label: 'Runtime' },
  { id: 'tags', label: 'Tags' },
  { id: 'group', label: 'Group' },
  { id: 'notes', label: 'Notes' },
] as const;

export function isJsonColumn(key: string): boolean {
  return key.startsWith('config.') || key.startsWith('summary.');
}

/**
 * The value under `config.a.b` / `summary.x`: the nested path, or failing that a literal
 * key with dots (the server reads keys the same way).
 */
export function jsonColumnValue(run: TableRun, key: string): unknown {
  const dot = key.indexOf('.');
  const doc = (key.slice(0, dot) === 'config' ? run.config : run.summary) ?? {};
  const path = key.slice(dot + 1);
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value && typeof value === 'object' && !Array.isArray(value) && part in value) {
      value = (value as Record<string, unknown>)[part];
    } else {
      value = undefined;
      break;
    }
  }
  return value !== undefined ? value : (doc as Record<string, unknown>)[path];
}

/** A column header for a config/summary key: the path, with its source as a quiet prefix. */
export function columnLabel(key: string): { source: string; path: string } {
  const dot = key.indexOf('.');
  return dot < 0
    ? { source: '', path: key }
    : { source: key.slice(0, dot), path: key.slice(dot + 1) };
}

/** Up to four summary keys people usually want first (not the `_step`-style internals). */
export function defaultColumns(keys: { key: string }[]): string[] {
  return keys
    .map((k) => k.key)
    .filter((key) => key.startsWith('summary.') && !key.startsWith('summary._'))
    .slice(0, 4);
}
