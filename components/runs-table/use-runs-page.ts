'use client';

import { useEffect, useState } from 'react';
import { graphqlRequest } from '../runs/graphql-request';
import { toQueryInput, type TableState } from './table-state';

export interface TableRun {
  id: string;
  displayName: string;
  state: string;
  tags: string[];
  group: string | null;
  jobType: string | null;
  notes: string;
  createdAt: string;
  config: Record<string, unknown>;
  summary: Record<string, unknown>;
}

export interface TableRow {
  author: string | null;
  runtimeSeconds: number;
  canDelete: boolean;
  canMove: boolean;
  run: TableRun;
}

export interface TableGroup {
  value: unknown;
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

export interface RunsPage {
  totalCount: number;
  rows: TableRow[];
  groups: TableGroup[] | null;
  canEdit: boolean;
  canEditWorkspace: boolean;
}

export const runsPageQuery = `query RunsTable($entity: String!, $project: String!, $query: RunsTableQueryInput) {
  runsTable(entity: $entity, project: $project, query: $query) {
    totalCount canEdit canEditWorkspace
    rows {
      author runtimeSeconds canDelete canMove
      run { id displayName state tags group jobType notes createdAt config summary }
    }
    groups { value count min max mean }
  }
}`;

export type Loadable<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; message: string };

/**
 * The page of runs for the table's state. Re-fetches when the state (or `version`, bumped
 * after a bulk action) changes; a newer request aborts the older one so a slow answer
 * never overwrites a fresh one. Keeps the last data while loading, so the table does not
 * flash empty.
 */
export function useRunsPage(
  entity: string,
  project: string,
  state: TableState,
  version: number,
): Loadable<RunsPage> {
  const spec = JSON.stringify(toQueryInput(state));
  const key = JSON.stringify([entity, project, spec, version]);
  // The last answer and the question it answers: a new question shows "loading" over the
  // previous rows until its own answer arrives.
  const [answer, setAnswer] = useState<{ key: string; result: Loadable<RunsPage> } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest<{ runsTable: RunsPage }>(
      runsPageQuery,
      { entity, project, query: JSON.parse(spec) },
      controller.signal,
    )
      .then((data) => setAnswer({ key, result: { status: 'ready', data: data.runsTable } }))
      .catch((error: Error) => {
        if (controller.signal.aborted) return;
        setAnswer((previous) => ({
          key,
          result: { status: 'error', data: previous?.result.data ?? null, message: error.message },
        }));
      });
    return () => controller.abort();
  }, [entity, project, spec, version, key]);
  if (!answer) return { status: 'loading', data: null };
  if (answer.key !== key) return { status: 'loading', data: answer.result.data };
  return answer.result;
}

export interface ColumnKey {
  key: string;
  numeric: boolean;
  runCount: number;
}

/** The config and summary keys of the project, for the column picker, filters and grouping. */
export function useColumnKeys(entity: string, project: string, version: number) {
  const [keys, setKeys] = useState<ColumnKey[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest<{ runColumnKeys: ColumnKey[] }>(
      `query ($entity: String!, $project: String!) {
        runColumnKeys(entity: $entity, project: $project) { key numeric runCount }
      }`,
      { entity, project },
      controller.signal,
    )
      .then((data) => setKeys(data.runColumnKeys))
      // The picker then offers the built-in columns only; the table itself reports errors.
      .catch(() => undefined);
    return () => controller.abort();
  }, [entity, project, version]);
  return keys;
}
