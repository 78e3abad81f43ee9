/**
 * Where run history and system metrics live (DESIGN.md §6). The Postgres implementation is
 * the default; the contract is small enough for a column store (ClickHouse) to take over
 * past ~1e9 points. Steps are integers, values float64 with NaN and ±Infinity kept.
 */
export interface HistoryRow {
  step: number;
  /** Only numeric values; media and other types are stored elsewhere. */
  values: Record<string, number>;
}

export interface Point {
  step: number;
  value: number;
}

/** One bucket of a sampled series: the mean of its points, and their extremes. */
export interface SampledPoint extends Point {
  min: number;
  max: number;
  count: number;
}

export interface SeriesRange {
  fromStep?: number;
  toStep?: number;
}

export type SeriesRead =
  | { key: string; sampled: false; points: Point[] }
  | { key: string; sampled: true; bucketWidth: number; points: SampledPoint[] };

/** One series of one run, as the multi-series read names it. */
export interface SeriesRef {
  runId: string;
  key: string;
}

export interface SeriesStats {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  last: number | null;
}

export interface AppendHints {
  /**
   * The highest step this stream had before the batch. A batch that stays in that step's
   * storage block completes no block, so the store may skip looking for points to compact.
   */
  previousLastStep?: number;
}

export interface MetricsStore {
  /** Appends rows; steps must be increasing per series. Runs inside the caller's transaction when given one. */
  append(runId: string, rows: HistoryRow[], client?: Queryable, hints?: AppendHints): Promise<void>;
  /** Exact points of a range in step order, at most `limit` after `afterStep` (paging). */
  readExact(
    runId: string,
    key: string,
    range: SeriesRange & { afterStep?: number; limit: number },
  ): Promise<Point[]>;
  /**
   * At most `maxPoints` points for the range: exact when the range holds no more than that,
   * otherwise one point per bucket of a fixed step grid (same grid for every run asked with
   * the same range), keeping each bucket's min and max.
   */
  readSampled(
    runId: string,
    key: string,
    range: SeriesRange & { maxPoints: number },
  ): Promise<SeriesRead>;
  /**
   * `readSampled` for many series over one range and point budget, in two statements
   * (ids and bounds of every series, then every series' buckets), answered in the order
   * asked. The same result per series as `readSampled`; what a chart panel of many runs
   * and metrics (or a whole workspace) reads.
   */
  readSampledMany(
    series: SeriesRef[],
    range: SeriesRange & { maxPoints: number },
  ): Promise<SeriesRead[]>;
  keys(runId: string): Promise<string[]>;
  stats(runId: string, key: string): Promise<SeriesStats>;
  /** Forgets every series of these runs (before the runs themselves are deleted). */
  deleteRuns(runIds: string[], client?: Queryable): Promise<void>;
  /** Forgets every point at or after `step` (resuming a run from an earlier step). */
  deleteFromStep(runId: string, step: number, client?: Queryable): Promise<void>;
}

/** The slice of a pg client or pool the store needs. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}
