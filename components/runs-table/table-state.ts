/**
 * The runs table's state as it lives in the URL query, so a reload, a shared link or the
 * back button shows the same table: search (q), filters (f, JSON), sort (sort=key:desc,…),
 * page and page size, grouping (group, agg) and the chosen extra columns (cols).
 */

export type FilterOp =
  'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'contains' | 'in' | 'notIn' | 'exists' | 'notExists';

export interface TableFilter {
  key: string;
  op: FilterOp;
  value?: string | number | boolean | null;
  values?: (string | number)[] | null;
}

export interface TableSort {
  key: string;
  desc: boolean;
}

export interface TableState {
  search: string;
  filters: TableFilter[];
  sort: TableSort[];
  page: number;
  pageSize: number;
  groupBy: string | null;
  aggregate: string | null;
  /** Extra columns (config./summary. keys) in order; null: the default choice. */
  columns: string[] | null;
}

export const pageSizes = [10, 20, 50, 100] as const;
export const defaultPageSize = 20;

export const emptyState: TableState = {
  search: '',
  filters: [],
  sort: [],
  page: 0,
  pageSize: defaultPageSize,
  groupBy: null,
  aggregate: null,
  columns: null,
};

function parseFilters(text: string | null): TableFilter[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (f): f is TableFilter =>
        !!f && typeof f === 'object' && typeof f.key === 'string' && typeof f.op === 'string',
    );
  } catch {
    // A hand-edited or truncated link: show the table unfiltered rather than fail.
    return [];
  }
}

function parseSort(text: string | null): TableSort[] {
  if (!text) return [];
  return text
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf(':');
      return at > 0
        ? { key: part.slice(0, at), desc: part.slice(at + 1) === 'desc' }
        : { key: part, desc: false };
    });
}

export function readTableState(params: URLSearchParams): TableState {
  const page = Number(params.get('page') ?? '1');
  const size = Number(params.get('size') ?? defaultPageSize);
  const cols = params.get('cols');
  return {
    search: params.get('q') ?? '',
    filters: parseFilters(params.get('f')),
    sort: parseSort(params.get('sort')),
    page: Number.isInteger(page) && page >= 1 ? page - 1 : 0,
    pageSize: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
    groupBy: params.get('group') || null,
    aggregate: params.get('agg') || null,
    columns: cols === null ? null : cols.split(',').filter(Boolean),
  };
}

export function writeTableState(state: TableState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set('q', state.search);
  if (state.filters.length) params.set('f', JSON.stringify(state.filters));
  if (state.sort.length)
    params.set('sort', state.sort.map((s) => `${s.key}:${s.desc ? 'desc' : 'asc'}`).join(','));
  if (state.page > 0) params.set('page', String(state.page + 1));
  if (state.pageSize !== defaultPageSize) params.set('size', String(state.pageSize));
  if (state.groupBy) params.set('group', state.groupBy);
  if (state.aggregate) params.set('agg', state.aggregate);
  if (state.columns) params.set('cols', state.columns.join(','));
  return params;
}

/** The server's spec for the current page (GraphQL enum names for the operators). */
export function toQueryInput(state: TableState) {
  return {
    search: state.search || null,
    filters: state.filters.map((f) => ({
      key: f.key,
      op: f.op.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(),
      value: f.value ?? null,
      values: f.values ?? null,
    })),
    sort: state.sort,
    groupBy: state.groupBy,
    aggregate: state.groupBy ? state.aggregate : null,
    first: state.pageSize,
    offset: state.page * state.pageSize,
  };
}
