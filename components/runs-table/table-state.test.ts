import { describe, expect, it } from 'vitest';
import {
  emptyState,
  readTableState,
  toQueryInput,
  writeTableState,
  type TableState,
} from './table-state';

describe('runs table URL state', () => {
  it('survives a round trip through the query string', () => {
    const state: TableState = {
      search: 'adam lr',
      filters: [
        { key: 'summary.val/loss', op: 'lte', value: 0.25 },
        { key: 'state', op: 'in', values: ['FINISHED', 'CRASHED'] },
      ],
      sort: [
        { key: 'config.optimizer.lr', desc: true },
        { key: 'name', desc: false },
      ],
      page: 3,
      pageSize: 50,
      groupBy: 'config.optimizer.name',
      aggregate: 'summary.acc',
      columns: ['summary.acc', 'config.lr'],
    };
    const query = writeTableState(state).toString();
    expect(readTableState(new URLSearchParams(query))).toEqual(state);
  });

  it('keeps the URL empty for the default table and ignores garbage', () => {
    expect(writeTableState(emptyState).toString()).toBe('');
    const state = readTableState(new URLSearchParams('f=%7Bnot-json&page=-4&size=7'));
    expect(state).toEqual(emptyState);
  });

  it('asks the server for the page with GraphQL operator names', () => {
    const input = toQueryInput({
      ...emptyState,
      filters: [{ key: 'tags', op: 'notIn', values: ['a'] }],
      page: 2,
      pageSize: 10,
      aggregate: 'summary.acc',
    });
    expect(input).toMatchObject({
      filters: [{ key: 'tags', op: 'NOT_IN', value: null, values: ['a'] }],
      first: 10,
      offset: 20,
      // No aggregate without a grouping.
      aggregate: null,
    });
  });
});
