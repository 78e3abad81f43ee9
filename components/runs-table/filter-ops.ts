import type { FilterOp } from './table-state';

/**
 * The operators each column offers in the filter builder; the server checks the same
 * table (lib/runs/runs-table-spec.ts) and names the field when a spec breaks it.
 */
export type ColumnKind = 'state' | 'text' | 'tags' | 'date' | 'number' | 'json';

export const builtinKinds: Record<string, ColumnKind> = {
  state: 'state',
  name: 'text',
  author: 'text',
  group: 'text',
  jobType: 'text',
  notes: 'text',
  tags: 'tags',
  createdAt: 'date',
  runtime: 'number',
};

export const builtinFilterLabels: Record<string, string> = {
  state: 'State',
  name: 'Name',
  author: 'Author',
  group: 'Group',
  jobType: 'Job type',
  notes: 'Notes',
  tags: 'Tags',
  createdAt: 'Created',
  runtime: 'Runtime (s)',
};

export const opsByKind: Record<ColumnKind, FilterOp[]> = {
  state: ['eq', 'ne', 'in', 'notIn'],
  text: ['eq', 'ne', 'contains', 'in', 'notIn', 'exists', 'notExists'],
  tags: ['eq', 'ne', 'in', 'notIn', 'exists', 'notExists'],
  date: ['gt', 'gte', 'lt', 'lte'],
  number: ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'],
  json: ['gt', 'gte', 'lt', 'lte', 'eq', 'ne', 'contains', 'in', 'notIn', 'exists', 'notExists'],
};

export const opLabels: Record<FilterOp, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  contains: 'contains',
  in: 'is any of',
  notIn: 'is none of',
  exists: 'is set',
  notExists: 'is not set',
};

export const runStates = ['RUNNING', 'FINISHED', 'FAILED', 'CRASHED', 'KILLED', 'PREEMPTED'];

export function kindOf(key: string): ColumnKind {
  return builtinKinds[key] ?? 'json';
}

export const takesNoValue = (op: FilterOp) => op === 'exists' || op === 'notExists';
export const takesList = (op: FilterOp) => op === 'in' || op === 'notIn';
