import {
  columnKind,
  parseColumnKey,
  type ColumnKey,
  type RunsFilter,
  type RunsTableSpec,
} from './runs-table-spec';

/**
 * Compiles a parsed runs-table spec to SQL over "Run" r LEFT JOIN "User" u. Every value a
 * person typed — filter values, search text and JSON key names alike — travels as a bind
 * parameter ($n); the SQL text only ever holds fragments written here.
 */

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export const runsFrom = `"Run" r LEFT JOIN "User" u ON u.id = r."createdById"`;

export const runtimeSql = `EXTRACT(EPOCH FROM (COALESCE(r."finishedAt", r."heartbeatAt") - r."startedAt"))::float8`;

const builtinSql = {
  state: `r."state"::text`,
  name: `r."displayName"`,
  runId: `r."runId"`,
  author: `u."username"`,
  group: `r."group"`,
  jobType: `r."jobType"`,
  notes: `r."notes"`,
  tags: `r."tags"`,
  createdAt: `r."createdAt"`,
  runtime: runtimeSql,
} as const;

/** The JSONB value under a key; a dotted key is a nested path, or failing that a literal key with dots. */
function jsonValueSql(key: Extract<ColumnKey, { kind: 'json' }>, params: SqlParams): string {
  const column = key.source === 'config' ? `r."config"` : `r."summary"`;
  const parts = key.path.split('.');
  if (parts.length === 1) return `(${column} -> ${params.add(key.path)})`;
  return `COALESCE(${column} #> ${params.add(parts)}::text[], ${column} -> ${params.add(key.path)})`;
}

const asNumber = (json: string) =>
  `(CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::float8 END)`;
const asText = (json: string) => `(${json} #>> '{}')`;

/** `%text%` for ILIKE with the pattern characters of the text taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const comparison = { eq: '=', lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function jsonFilterSql(filter: RunsFilter, json: string, params: SqlParams): string {
  const { op, value } = filter;
  switch (op) {
    case 'exists':
      return `(${json} IS NOT NULL AND ${json} <> 'null'::jsonb)`;
    case 'notExists':
      return `(${json} IS NULL OR ${json} = 'null'::jsonb)`;
    case 'contains':
      return `${asText(json)} ILIKE ${params.add(containsPattern(String(value)))}`;
    case 'in':
    case 'notIn': {
      const list = params.add((filter.values ?? []).map(String));
      return op === 'in'
        ? `${asText(json)} = ANY(${list}::text[])`
        : `(${asText(json)} IS NULL OR ${asText(json)} <> ALL(${list}::text[]))`;
    }
    case 'eq':
    case 'ne': {
      // Numbers compare as numbers (1 = 1.0), booleans as JSON, text as text.
      let equal: string;
      if (typeof value === 'number') equal = `${asNumber(json)} = ${params.add(value)}::float8`;
      else if (typeof value === 'boolean')
        equal = `${json} = ${params.add(JSON.stringify(value))}::jsonb`;
      else equal = `${asText(json)} = ${params.add(value)}::text`;
      return op === 'eq' ? equal : `NOT COALESCE(${equal}, false)`;
    }
    default:
      return `${asNumber(json)} ${comparison[op as keyof typeof comparison]} ${params.add(value)}::float8`;
  }
}

function builtinFilterSql(filter: RunsFilter, column: keyof typeof builtinSql, params: SqlParams) {
  const sql = builtinSql[column];
  const { op, value } = filter;
  const kind = columnKind({ kind: 'builtin', column });
  if (kind === 'tags') {
    switch (op) {
      case 'eq':
        return `${params.add(value)}::text = ANY(${sql})`;
      case 'ne':
        return `NOT (${params.add(value)}::text = ANY(${sql}))`;
      case 'in':
        return `${sql} && ${params.add((filter.values ?? []).map(String))}::text[]`;
      case 'notIn':
        return `NOT (${sql} && ${params.add((filter.values ?? []).map(String))}::text[])`;
      case 'exists':
        return `cardinality(${sql}) > 0`;
      default:
        return `cardinality(${sql}) = 0`;
    }
  }
  const cast = kind === 'date' ? '::timestamp' : kind === 'number' ? '::float8' : '::text';
  switch (op) {
    case 'exists':
      return `(${sql} IS NOT NULL AND ${sql} <> '')`;
    case 'notExists':
      return `(${sql} IS NULL OR ${sql} = '')`;
    case 'contains':
      return `${sql} ILIKE ${params.add(containsPattern(String(value)))}`;
    case 'in':
      return `${sql} = ANY(${params.add((filter.values ?? []).map(String))}::text[])`;
    case 'notIn':
      return `(${sql} IS NULL OR ${sql} <> ALL(${params.add((filter.values ?? []).map(String))}::text[]))`;
    case 'ne':
      return `${sql} IS DISTINCT FROM ${params.add(value)}${cast}`;
    default: {
      // Dates are stored as UTC timestamps without zone: compare in UTC.
      const bound =
        kind === 'date' ? new Date(String(value)).toISOString().replace('Z', '') : value;
      return `${sql} ${comparison[op as keyof typeof comparison]} ${params.add(bound)}${cast}`;
    }
  }
}

export function filterSql(filter: RunsFilter, params: SqlParams): string {
  const key = parseColumnKey(filter.key)!;
  if (key.kind === 'json') return `(${jsonFilterSql(filter, jsonValueSql(key, params), params)})`;
  return `(${builtinFilterSql(filter, key.column, params)})`;
}

/** The WHERE clause: the project (tenant scope), then every filter and the search, ANDed. */
export function whereSql(projectId: string, spec: RunsTableSpec, params: SqlParams): string {
  const clauses = [`r."projectId" = ${params.add(projectId)}`];
  for (const filter of spec.filters) clauses.push(filterSql(filter, params));
  const search = spec.search?.trim();
  if (search) {
    const pattern = params.add(containsPattern(search));
    clauses.push(
      `(r."displayName" ILIKE ${pattern} OR r."runId" ILIKE ${pattern} OR r."notes" ILIKE ${pattern} OR array_to_string(r."tags", ' ') ILIKE ${pattern})`,
    );
  }
  return clauses.join(' AND ');
}

/** Sort expressions for one column: JSON values sort numbers numerically first, then text. */
function sortSql(keyText: string, desc: boolean, params: SqlParams): string[] {
  const key = parseColumnKey(keyText)!;
  const direction = desc ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  if (key.kind === 'json') {
    const json = jsonValueSql(key, params);
    return [`${asNumber(json)} ${direction}`, `${asText(json)} ${direction}`];
  }
  const sql = key.column === 'tags' ? `array_to_string(r."tags", ',')` : builtinSql[key.column];
  return [`${sql} ${direction}`];
}

export function orderBySql(spec: RunsTableSpec, params: SqlParams): string {
  const parts = spec.sort.flatMap((s) => sortSql(s.key, s.desc, params));
  // Newest first breaks ties, and the id makes the order total so pages never overlap.
  parts.push(`r."createdAt" DESC`, `r."id" DESC`);
  return parts.join(', ');
}

/** A group key as SQL: a JSON value for config/summary keys, text otherwise. */
export function groupValueSql(keyText: string, params: SqlParams): string {
  const key = parseColumnKey(keyText)!;
  if (key.kind === 'json') return jsonValueSql(key, params);
  return `to_jsonb(${builtinSql[key.column]})`;
}

/** A numeric column for aggregates. */
export function numericValueSql(keyText: string, params: SqlParams): string {
  const key = parseColumnKey(keyText)!;
  if (key.kind === 'json') return asNumber(jsonValueSql(key, params));
  return builtinSql[key.column];
}
