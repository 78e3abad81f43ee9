import { deleteRuns } from '@/lib/runs/delete-runs';
import { moveRuns } from '@/lib/runs/move-runs';
import {
  queryRunsTable,
  type RunsTableGroup,
  type RunsTablePage,
  type RunsTableRow,
} from '@/lib/runs/query-runs-table';
import { listRunColumnKeys, type RunColumnKey } from '@/lib/runs/run-column-keys';
import { filterOps } from '@/lib/runs/runs-table-spec';
import { tagRuns } from '@/lib/runs/tag-runs';
import { builder } from '../builder';
import { RunRef } from './types';

/**
 * The runs table: a filtered, sorted, grouped page of a project's runs, the config and
 * summary keys for its column picker, and bulk actions. Resolvers pass the input through;
 * lib/runs validates it (errors name the field, e.g. `filters.0.value`) and asks the catalog.
 */

const RunsFilterOp = builder.enumType('RunsFilterOp', {
  values: Object.fromEntries(
    filterOps.map((op) => [op.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), { value: op }]),
  ) as Record<string, { value: (typeof filterOps)[number] }>,
});

const RunsFilterInput = builder.inputType('RunsFilterInput', {
  description:
    'One condition on a column: state, name, runId, author, group, jobType, notes, tags, createdAt, runtime (seconds), or config.<key> / summary.<key> with nested keys joined by dots',
  fields: (t) => ({
    key: t.string({ required: true }),
    op: t.field({ type: RunsFilterOp, required: true }),
    value: t.field({ type: 'JSON', description: 'A number, text or boolean' }),
    values: t.field({ type: ['JSON'], description: 'For IN and NOT_IN' }),
  }),
});

const RunsSortInput = builder.inputType('RunsSortInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    desc: t.boolean({ defaultValue: false }),
  }),
});

const RunsTableQueryInput = builder.inputType('RunsTableQueryInput', {
  fields: (t) => ({
    filters: t.field({ type: [RunsFilterInput], description: 'All must hold' }),
    search: t.string({ description: 'Text in the name, id, notes or tags' }),
    sort: t.field({ type: [RunsSortInput], description: 'Numbers sort numerically, then text' }),
    groupBy: t.string({ description: 'group, jobType, state, author or config.<key>' }),
    aggregate: t.string({ description: 'The numeric column each group reports min/max/mean of' }),
    first: t.int({ defaultValue: 50 }),
    offset: t.int({ defaultValue: 0 }),
  }),
});

const RunsTableRowRef = builder.objectRef<RunsTableRow>('RunsTableRow').implement({
  fields: (t) => ({
    run: t.field({ type: RunRef, resolve: (row) => row.run }),
    author: t.exposeString('author', { nullable: true, description: 'Username of the creator' }),
    runtimeSeconds: t.exposeFloat('runtimeSeconds'),
    canDelete: t.exposeBoolean('canDelete'),
    canMove: t.exposeBoolean('canMove'),
  }),
});

const RunsTableGroupRef = builder.objectRef<RunsTableGroup>('RunsTableGroup').implement({
  fields: (t) => ({
    value: t.field({ type: 'JSON', nullable: true, resolve: (g) => g.value }),
    count: t.exposeInt('count'),
    min: t.exposeFloat('min', { nullable: true }),
    max: t.exposeFloat('max', { nullable: true }),
    mean: t.exposeFloat('mean', { nullable: true }),
  }),
});

const RunsTablePageRef = builder.objectRef<RunsTablePage>('RunsTablePage').implement({
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'Runs matching the filters' }),
    offset: t.exposeInt('offset'),
    rows: t.field({ type: [RunsTableRowRef], resolve: (page) => page.rows }),
    groups: t.field({
      type: [RunsTableGroupRef],
      nullable: true,
      description: 'With groupBy: every group of the matching runs, largest first (at most 500)',
      resolve: (page) => page.groups,
    }),
    canEdit: t.exposeBoolean('canEdit', { description: 'Whether the viewer may tag runs' }),
    canEditWorkspace: t.exposeBoolean('canEditWorkspace'),
  }),
});

const RunColumnKeyRef = builder.objectRef<RunColumnKey>('RunColumnKey').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'config.<path> or summary.<path>' }),
    source: t.exposeString('source'),
    path: t.exposeString('path'),
    numeric: t.exposeBoolean('numeric'),
    runCount: t.exposeInt('runCount'),
  }),
});

builder.queryFields((t) => ({
  runsTable: t.field({
    type: RunsTablePageRef,
    description: 'One page of a project’s runs, filtered, searched, sorted and optionally grouped',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      query: t.arg({ type: RunsTableQueryInput }),
    },
    resolve: (_root, { entity, project, query }, ctx) =>
      queryRunsTable(ctx.actor, entity, project, stripNulls(query ?? {})),
  }),
  runColumnKeys: t.field({
    type: [RunColumnKeyRef],
    description: 'Every config and summary key of a project’s runs, nested keys flattened',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
    },
    resolve: (_root, { entity, project }, ctx) => listRunColumnKeys(ctx.actor, entity, project),
  }),
}));

const BulkRunsResult = builder.objectRef<{ count: number }>('BulkRunsResult').implement({
  fields: (t) => ({ count: t.exposeInt('count', { description: 'Runs changed' }) }),
});

builder.mutationFields((t) => ({
  tagRuns: t.field({
    type: BulkRunsResult,
    description: 'Adds and removes tags on runs of a project (all or none)',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      runIds: t.arg.stringList({ required: true }),
      add: t.arg.stringList(),
      remove: t.arg.stringList(),
    },
    resolve: (_root, { entity, project, runIds, add, remove }, ctx) =>
      tagRuns(ctx.actor, { entity, project, runIds }, { add, remove }),
  }),
  moveRuns: t.field({
    type: BulkRunsResult,
    description: 'Moves runs, with their history, to another project of the same entity',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      runIds: t.arg.stringList({ required: true }),
      toProject: t.arg.string({ required: true }),
    },
    resolve: (_root, { entity, project, runIds, toProject }, ctx) =>
      moveRuns(ctx.actor, { entity, project, runIds }, toProject),
  }),
  deleteRuns: t.field({
    type: BulkRunsResult,
    description: 'Deletes runs and their history (all or none)',
    args: {
      entity: t.arg.string({ required: true }),
      project: t.arg.string({ required: true }),
      runIds: t.arg.stringList({ required: true }),
    },
    resolve: (_root, { entity, project, runIds }, ctx) =>
      deleteRuns(ctx.actor, { entity, project, runIds }),
  }),
}));

/** GraphQL nulls mean "not given": the spec's defaults apply. */
function stripNulls<T extends object>(input: T): T {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [
        key,
        Array.isArray(value)
          ? value.map((item) => (item && typeof item === 'object' ? stripNulls(item) : item))
          : value,
      ]),
  ) as T;
}
