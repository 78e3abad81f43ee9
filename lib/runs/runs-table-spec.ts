import { z } from 'zod';

/**
 * What the runs table asks for: filters, search, sort, grouping and a page. Parsed with zod
 * at the boundary; runs-table-sql.ts compiles it to parameterised SQL, so no user text
 * ever becomes SQL. Column keys are the built-in columns or `config.<path>` /
 * `summary.<path>` where nested keys are joined with dots (`optimizer.lr`).
 */

export const runStates = [
  'RUNNING',
  'FINISHED',
  'FAILED',
  'CRASHED',
  'KILLED',
  'PREEMPTED',
] as const;

/** Built-in columns and what kind of value each holds (which decides the allowed operators). */
export const builtinColumns = {
  state: 'state',
  name: 'text',
  runId: 'text',
  author: 'text',
  group: 'text',
  jobType: 'text',
  notes: 'text',
  tags: 'tags',
  createdAt: 'date',
  runtime: 'number',
} as const;
export type BuiltinColumn = keyof typeof builtinColumns;
type ColumnKind = (typeof builtinColumns)[BuiltinColumn] | 'json';

export const filterOps = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'in',
  'notIn',
  'exists',
  'notExists',
] as const;
export type FilterOp = (typeof filterOps)[number];

const opsByKind: Record<ColumnKind, readonly FilterOp[]> = {
  state: ['eq', 'ne', 'in', 'notIn'],
  text: ['eq', 'ne', 'contains', 'in', 'notIn', 'exists', 'notExists'],
  // eq/ne: has / lacks this tag; in/notIn: has any / none of these; exists: has any tag.
  tags: ['eq', 'ne', 'in', 'notIn', 'exists', 'notExists'],
  date: ['lt', 'lte', 'gt', 'gte'],
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'],
  json: filterOps,
};

export type ColumnKey =
  | { kind: 'builtin'; column: BuiltinColumn }
  | { kind: 'json'; source: 'config' | 'summary'; path: string };

export const maxKeyLength = 512;

/** Parses `state`, `config.optimizer.lr`, `summary.val/loss`; null when it is none of them. */
export function parseColumnKey(key: string): ColumnKey | null {
  if (Object.hasOwn(builtinColumns, key)) return { kind: 'builtin', column: key as BuiltinColumn };
  const match = /^(config|summary)\.(.+)$/s.exec(key);
  if (!match || key.length > maxKeyLength) return null;
  const path = match[2]!;
  // Empty segments ("a..b", "a.") cannot name a nested key.
  if (path.split('.').some((part) => part === '')) return null;
  return { kind: 'json', source: match[1] as 'config' | 'summary', path };
}

export function columnKind(key: ColumnKey): ColumnKind {
  return key.kind === 'builtin' ? builtinColumns[key.column] : 'json';
}

const keyMessage =
  'must be a column (state, name, author, tags, …) or config.<key> / summary.<key>';
const columnKeySchema = z
  .string()
  .refine((key) => parseColumnKey(key) !== null, { message: keyMessage });

const scalar = z.union([
  z.string().max(1024, 'must be at most 1024 characters'),
  z.number(),
  z.boolean(),
]);

const filterSchema = z
  .object({
    key: columnKeySchema,
    op: z.enum(filterOps, { error: `must be one of ${filterOps.join(', ')}` }),
    value: scalar.nullish(),
    values: z.array(scalar).max(100, 'at most 100 values').nullish(),
  })
  .superRefine((filter, context) => {
    const key = parseColumnKey(filter.key);
    if (!key) return;
    const kind = columnKind(key);
    const problem = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: [path], message });
    if (!opsByKind[kind].includes(filter.op)) {
      problem(
        'op',
        `${filter.op} does not apply to ${filter.key} (use ${opsByKind[kind].join(', ')})`,
      );
      return;
    }
    if (filter.op === 'exists' || filter.op === 'notExists') return;
    if (filter.op === 'in' || filter.op === 'notIn') {
      if (!filter.values?.length) problem('values', 'needs at least one value');
      else if (kind === 'state' && filter.values.some((v) => !runStates.includes(v as never)))
        problem('values', `must be run states (${runStates.join(', ')})`);
      return;
    }
    const value = filter.value;
    if (value === null || value === undefined) return problem('value', 'is required');
    const ordering = ['lt', 'lte', 'gt', 'gte'].includes(filter.op);
    if (kind === 'state' && !runStates.includes(value as never))
      problem('value', `must be a run state (${runStates.join(', ')})`);
    else if (kind === 'date' && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
      problem('value', 'must be a date (ISO 8601)');
    else if ((kind === 'number' || (kind === 'json' && ordering)) && typeof value !== 'number')
      problem('value', `must be a number to compare with ${filter.op}`);
    else if (filter.op === 'contains' && typeof value !== 'string')
      problem('value', 'must be text to search for');
    else if ((kind === 'text' || kind === 'tags') && typeof value !== 'string')
      problem('value', 'must be text');
  });
export type RunsFilter = z.output<typeof filterSchema>;

const numericKeySchema = columnKeySchema.refine(
  (key) => {
    const parsed = parseColumnKey(key);
    return !!parsed && (parsed.kind === 'json' || builtinColumns[parsed.column] === 'number');
  },
  { message: 'must be a numeric column: runtime or config.<key> / summary.<key>' },
);

const groupKeySchema = columnKeySchema.refine(
  (key) => ['group', 'jobType', 'state', 'author'].includes(key) || /^(config|summary)\./.test(key),
  { message: 'can group by group, jobType, state, author or a config/summary key' },
);

export const maxPageSize = 200;

export const runsTableSpecSchema = z.object({
  filters: z.array(filterSchema).max(50, 'at most 50 filters').default([]),
  search: z.string().max(256, 'must be at most 256 characters').nullish(),
  sort: z
    .array(z.object({ key: columnKeySchema, desc: z.boolean().default(false) }))
    .max(5, 'at most 5 sort columns')
    .default([]),
  groupBy: groupKeySchema.nullish(),
  /** The numeric column whose min/max/mean each group reports. */
  aggregate: numericKeySchema.nullish(),
  first: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(maxPageSize, `must be at most ${maxPageSize}`)
    .default(50),
  offset: z
    .number()
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(1_000_000, 'must be at most 1,000,000')
    .default(0),
});
export type RunsTableSpec = z.output<typeof runsTableSpecSchema>;
export type RunsTableSpecInput = z.input<typeof runsTableSpecSchema>;
