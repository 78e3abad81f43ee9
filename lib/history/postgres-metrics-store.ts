import { AppError } from '../errors';
import { binaryFloat8Array, binaryInt8Array } from './binary-arrays';
import { chunkRows, type ChunkRow } from './chunk-aggregates';
import type {
  AppendHints,
  HistoryRow,
  MetricsStore,
  Point,
  Queryable,
  SampledPoint,
  SeriesRange,
  SeriesRead,
  SeriesRef,
  SeriesStats,
} from './metrics-store';

/**
 * History in Postgres, shaped for 1,000,000+ steps per series (DESIGN.md §4):
 * - new points land in a narrow tail table `(metricId, step, value)`;
 * - once a series moves past an aligned block of `blockSteps` steps, the block's points are
 *   sealed into one `HistoryChunk` row: step and value arrays, count/min/max/sum/last, and the
 *   same aggregates per `subBlockSteps` sub-block (levels of detail);
 * - sampled reads use a global power-of-two bucket grid, so buckets never split a block or a
 *   sub-block: wide views aggregate chunk rows, middle zooms their sub-blocks, and only deep
 *   zooms (and the range's two edge chunks, and the tail) open the point arrays. A 1M-step
 *   overview reads ~1,000 rows.
 * NaN is stored as is and left out of min/max/mean; ±Infinity count as values.
 * Precondition: steps increase per series (the ingest path enforces it); rewinds go
 * through deleteFromStep.
 */
export const blockSteps = 1024;
export const subBlockSteps = 64;
/** Kept for callers that think in points: a block holds at most this many. */
export const chunkSize = blockSteps;

/**
 * The bucket width for a range: the smallest power of two that fits the range into
 * `maxPoints` buckets of a global grid (bucket = floor(step / width)). Powers of two keep
 * buckets aligned with blocks and sub-blocks, and make the grid the same for every run.
 */
export function bucketWidth(rangeSteps: number, maxPoints: number): number {
  const needed = rangeSteps / Math.max(1, maxPoints - 1);
  return 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, needed))));
}

/**
 * The exact first step, last step and point count of one series in [from, to]: whole chunks
 * by their count, the (at most two) boundary chunks by opening them, and the tail. The
 * arguments are SQL expressions, so the single and the multi-series reads share it.
 */
function boundsSql(id: string, from: string, to: string): string {
  return `SELECT min(first) AS first, max(last) AS last, sum(n) AS n FROM (
         SELECT min("stepFirst") AS first, max("stepLast") AS last, sum(count) AS n FROM "HistoryChunk"
           WHERE "metricId" = ${id} AND "stepFirst" >= ${from} AND "stepLast" <= ${to}
         UNION ALL
         SELECT min(u.s), max(u.s), count(*) FROM "HistoryChunk" c, unnest(c.steps) AS u(s)
           WHERE c."metricId" = ${id} AND c."stepLast" >= ${from} AND c."stepFirst" <= ${to}
             AND NOT (c."stepFirst" >= ${from} AND c."stepLast" <= ${to}) AND u.s BETWEEN ${from} AND ${to}
         UNION ALL
         SELECT min(step), max(step), count(*) FROM "HistoryTail" WHERE "metricId" = ${id} AND step BETWEEN ${from} AND ${to}
       ) parts`;
}

/**
 * A Postgres array literal of numbers (or digit strings), e.g. `{1,2.5,NaN,-Infinity}`. pg's
 * own array serialisation escapes and quotes every element; for the thousands of plain
 * numbers of an ingest batch one join is several times cheaper. JavaScript's number
 * spellings (1e-7, NaN, Infinity) are all valid float8 input.
 */
function arrayLiteral(items: readonly (number | string)[]): string {
  return `{${items.join(',')}}`;
}

/** Like arrayLiteral, with SQL NULL for null (all-NaN aggregates). */
function nullableLiteral(items: readonly (number | null)[]): string {
  return `{${items.map((item) => (item === null ? 'NULL' : item)).join(',')}}`;
}

interface SeriesPoints {
  id: string;
  steps: number[];
  values: number[];
}

/**
 * Each key's points in step order, one value per step (a later value in the batch wins).
 * Ingest batches arrive in step order, so this is one pass; anything else is sorted.
 */
function seriesOfRows(rows: HistoryRow[]): Map<string, { steps: number[]; values: number[] }> {
  const series = new Map<string, { steps: number[]; values: number[]; ordered: boolean }>();
  for (const row of rows) {
    for (const key of Object.keys(row.values)) {
      const value = row.values[key]!;
      let entry = series.get(key);
      if (!entry) series.set(key, (entry = { steps: [], values: [], ordered: true }));
      const last = entry.steps.length - 1;
      if (last >= 0 && row.step === entry.steps[last]) {
        entry.values[last] = value;
        continue;
      }
      if (last >= 0 && row.step < entry.steps[last]!) entry.ordered = false;
      entry.steps.push(row.step);
      entry.values.push(value);
    }
  }
  for (const entry of series.values()) {
    if (!entry.ordered) sortKeepingLast(entry);
  }
  return series;
}

/** Sorts by step; of points with the same step the one that came last stays. */
function sortKeepingLast(entry: { steps: number[]; values: number[] }): void {
  if (entry.steps.every((step, i) => i === 0 || entry.steps[i - 1]! < step)) return;
  // Array.prototype.sort is stable: equal steps keep their arrival order.
  const order = entry.steps.map((_, i) => i).sort((a, b) => entry.steps[a]! - entry.steps[b]!);
  const steps: number[] = [];
  const values: number[] = [];
  for (const i of order) {
    if (steps.length > 0 && steps.at(-1) === entry.steps[i])
      values[values.length - 1] = entry.values[i]!;
    else {
      steps.push(entry.steps[i]!);
      values.push(entry.values[i]!);
    }
  }
  entry.steps = steps;
  entry.values = values;
}

/** Concatenates series' points, with each one's 1-based [start, end] in the whole. */
function flatten(series: readonly { steps: readonly number[]; values: readonly number[] }[]) {
  const starts: number[] = [];
  const ends: number[] = [];
  const steps: number[] = [];
  const values: number[] = [];
  for (const entry of series) {
    starts.push(steps.length + 1);
    for (let i = 0; i < entry.steps.length; i++) {
      steps.push(entry.steps[i]!);
      values.push(entry.values[i]!);
    }
    ends.push(steps.length);
  }
  return { starts, ends, steps, values };
}

/**
 * One tail row per series. Steps and values of all series travel as two flat binary arrays
 * (see binary-arrays.ts), each row taking its slice. Parameters are numbered from
 * `firstParam`; with `guard`, rows come from that CTE's result, so nothing is inserted unless
 * it returned a row.
 */
function tailInsertStatement(
  series: SeriesPoints[],
  firstParam = 1,
  guard?: string,
): { sql: string; params: unknown[] } {
  const { starts, ends, steps, values } = flatten(series);
  const [m, a, b, s, v] = [0, 1, 2, 3, 4].map((i) => `$${firstParam + i}`);
  return {
    sql: `INSERT INTO "HistoryTailBatch" ("metricId", "stepFirst", "stepLast", "steps", "values")
       SELECT u.m, p.s[u.a], p.s[u.b], p.s[u.a:u.b], p.v[u.a:u.b]
       FROM ${guard ? `${guard}, ` : ''}unnest(${m}::bigint[], ${a}::int[], ${b}::int[]) AS u(m, a, b),
            (SELECT ${s}::bigint[] AS s, ${v}::float8[] AS v) AS p`,
    params: [
      arrayLiteral(series.map((entry) => entry.id)),
      arrayLiteral(starts),
      arrayLiteral(ends),
      binaryInt8Array(steps),
      binaryFloat8Array(values),
    ],
  };
}

const metricIdCache = new Map<string, string>();
const metricIdCacheLimit = 100_000;

export class PostgresMetricsStore implements MetricsStore {
  constructor(private readonly db: () => Queryable) {}

  private async metricIds(
    client: Queryable,
    runId: string,
    keys: string[],
    create: boolean,
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const missing = keys.filter((key) => {
      const cached = metricIdCache.get(`${runId}\0${key}`);
      if (cached) ids.set(key, cached);
      return !cached;
    });
    if (missing.length === 0) return ids;
    if (create) {
      await client.query(
        `INSERT INTO "Metric" ("runId", "key") SELECT $1, unnest($2::text[]) ON CONFLICT ("runId", "key") DO NOTHING`,
        [runId, missing],
      );
    }
    const { rows } = await client.query<{ id: string; key: string }>(
      `SELECT id::text, key FROM "Metric" WHERE "runId" = $1 AND key = ANY($2::text[])`,
      [runId, missing],
    );
    if (metricIdCache.size > metricIdCacheLimit) metricIdCache.clear();
    for (const row of rows) {
      ids.set(row.key, row.id);
      metricIdCache.set(`${runId}\0${row.key}`, row.id);
    }
    return ids;
  }

  async append(
    runId: string,
    rows: HistoryRow[],
    client: Queryable = this.db(),
    hints: AppendHints = {},
  ): Promise<void> {
    const byKey = seriesOfRows(rows);
    if (byKey.size === 0) return;
    const ids = await this.metricIds(client, runId, [...byKey.keys()], true);
    const series = [...byKey].map(([key, points]) => ({ id: ids.get(key)!, ...points }));
    const firstStep = Math.min(...series.map((entry) => entry.steps[0]!));
    // A step may come again (logged twice, or with more keys): unless the batch starts after
    // the run's last step, drop what the tail holds from each series' first new step on.
    if (hints.previousLastStep === undefined || firstStep <= hints.previousLastStep) {
      await this.trimTail(
        client,
        series.map((entry) => [entry.id, entry.steps[0]!]),
      );
    }
    await this.insertTail(client, series);
    // Every block before the one holding a series' newest step is complete: seal it. While a
    // stream stays inside one block (9 of 10 batches of 100 steps) there is nothing new to
    // seal, and skipping the statement saves a round trip and an index scan per batch. A
    // series that skipped a sealing keeps those points in the tail until the stream enters the
    // next block; reads merge tail and chunks, so that only delays compaction.
    const lastStep = Math.max(...series.map((entry) => entry.steps.at(-1)!));
    if (
      hints.previousLastStep !== undefined &&
      Math.floor(lastStep / blockSteps) === Math.floor(hints.previousLastStep / blockSteps)
    ) {
      return;
    }
    await this.sealBefore(
      client,
      new Map(
        series.map((entry) => [
          entry.id,
          Math.floor(entry.steps.at(-1)! / blockSteps) * blockSteps,
        ]),
      ),
    );
  }

  /**
   * The tail INSERT of an append, for a caller that folds it into a statement of its own
   * (ingest writes a batch's run update and points in one round trip). The INSERT reads from
   * the caller's CTE named `guard`, so it writes nothing unless that returned a row; its
   * parameters are numbered from `firstParam`. `seal` lists the blocks the append completes:
   * the caller seals them (`seal()`) once the statement committed. Null when the append
   * writes steps again, which needs more than an insert: use append() then.
   */
  async tailInsert(
    runId: string,
    streams: { rows: HistoryRow[]; previousLastStep: number }[],
    firstParam: number,
  ): Promise<{ sql: string; params: unknown[]; seal: Map<string, number> } | null> {
    const grouped = streams.map((stream) => ({ stream, byKey: seriesOfRows(stream.rows) }));
    for (const { stream, byKey } of grouped) {
      for (const points of byKey.values()) {
        if (points.steps[0]! <= stream.previousLastStep) return null;
      }
    }
    const keys = grouped.flatMap(({ byKey }) => [...byKey.keys()]);
    const ids = await this.metricIds(this.db(), runId, keys, true);
    const series: SeriesPoints[] = [];
    const seal = new Map<string, number>();
    for (const { stream, byKey } of grouped) {
      for (const [key, points] of byKey) {
        const id = ids.get(key)!;
        series.push({ id, ...points });
        const block = Math.floor(points.steps.at(-1)! / blockSteps);
        if (block > 0 && block !== Math.floor(stream.previousLastStep / blockSteps)) {
          seal.set(id, block * blockSteps);
        }
      }
    }
    return { ...tailInsertStatement(series, firstParam, 'guard'), seal };
  }

  /**
   * Seals every block of these series that ends before their boundary step (see tailInsert).
   * Run it in a transaction that holds the run's row lock, which also serialises it with
   * rewinds (deleteFromStep, append's trimming).
   */
  async seal(client: Queryable, boundaries: Map<string, number>): Promise<void> {
    await this.sealBefore(client, boundaries);
  }

  private async insertTail(client: Queryable, series: SeriesPoints[]): Promise<void> {
    const { sql, params } = tailInsertStatement(series);
    await client.query(sql, params);
  }

  /**
   * Removes from each series' tail its points from `fromStep` on (rows that straddle it keep
   * their earlier points), so those steps can be written again.
   */
  private async trimTail(client: Queryable, fromSteps: [string, number][]): Promise<void> {
    await client.query(
      `WITH cut AS (
         DELETE FROM "HistoryTailBatch" t
         USING unnest($1::bigint[], $2::bigint[]) AS c(metric_id, from_step)
         WHERE t."metricId" = ANY($1::bigint[]) AND t."metricId" = c.metric_id AND t."stepLast" >= c.from_step
         RETURNING t."metricId", t.steps, t."values", c.from_step
       ), kept AS (
         SELECT cut."metricId", u.step, u.value FROM cut, unnest(cut.steps, cut."values") AS u(step, value)
         WHERE u.step < cut.from_step
       )
       INSERT INTO "HistoryTailBatch" ("metricId", "stepFirst", "stepLast", "steps", "values")
       SELECT "metricId", min(step), max(step), array_agg(step ORDER BY step), array_agg(value ORDER BY step)
       FROM kept GROUP BY "metricId"`,
      [arrayLiteral(fromSteps.map(([id]) => id)), arrayLiteral(fromSteps.map(([, step]) => step))],
    );
  }

  /**
   * Moves each series' tail points before its boundary into one chunk per block: the tail
   * rows come out in one statement, their chunks (aggregated in `chunkRows`) and the later
   * points of a row that straddles the boundary go back in another.
   */
  private async sealBefore(client: Queryable, boundaries: Map<string, number>): Promise<void> {
    const sealing = [...boundaries].filter(([, boundary]) => boundary > 0);
    if (sealing.length === 0) return;
    const { rows } = await client.query<{ id: string; steps: string; vals: string }>(
      `DELETE FROM "HistoryTailBatch" t USING unnest($1::bigint[], $2::bigint[]) AS b(metric_id, boundary)
       -- = ANY lets the planner take the primary key; joined to the unnest alone it estimated
       -- badly and scanned the whole tail table.
       WHERE t."metricId" = ANY($1::bigint[]) AND t."metricId" = b.metric_id AND t."stepFirst" < b.boundary
         -- Only blocks the series has moved past now: a seal queued before a rewind must not
         -- seal the half block written since.
         AND EXISTS (SELECT 1 FROM "HistoryTailBatch" x
                     WHERE x."metricId" = b.metric_id AND x."stepLast" >= b.boundary)
       RETURNING t."metricId"::text AS id, array_to_string(t.steps, ',') AS steps,
                 array_to_string(t."values", ',') AS vals`,
      [arrayLiteral(sealing.map(([id]) => id)), arrayLiteral(sealing.map(([, b]) => b))],
    );
    if (rows.length === 0) return;
    const taken = new Map<string, { steps: number[]; values: number[] }>();
    for (const row of rows) {
      let entry = taken.get(row.id);
      if (!entry) taken.set(row.id, (entry = { steps: [], values: [] }));
      entry.steps.push(...row.steps.split(',').map(Number));
      entry.values.push(...row.vals.split(',').map(Number));
    }
    const chunks: (ChunkRow & { id: string })[] = [];
    const kept: [string, { steps: number[]; values: number[] }][] = [];
    for (const [id, entry] of taken) {
      sortKeepingLast(entry);
      const boundary = boundaries.get(id)!;
      const cut = entry.steps.findIndex((step) => step >= boundary);
      const end = cut < 0 ? entry.steps.length : cut;
      for (const chunk of chunkRows(
        entry.steps.slice(0, end),
        entry.values.slice(0, end),
        blockSteps,
        subBlockSteps,
      ))
        chunks.push({ id, ...chunk });
      if (end < entry.steps.length)
        kept.push([id, { steps: entry.steps.slice(end), values: entry.values.slice(end) }]);
    }
    // Point arrays travel flat and binary, each row taking its slice (as in insertTail); the
    // short sub-block arrays as a text[] of array literals, one per chunk.
    const nested = (pick: (chunk: ChunkRow) => readonly (number | null)[]) =>
      `{${chunks.map((chunk) => `"${nullableLiteral(pick(chunk))}"`).join(',')}}`;
    const chunkPoints = flatten(chunks);
    const keptRows = tailInsertStatement(
      kept.map(([id, entry]) => ({ id, ...entry })),
      20,
    );
    await client.query(
      `WITH kept AS (${keptRows.sql})
       INSERT INTO "HistoryChunk" ("metricId", "stepFirst", "stepLast", "count", "min", "max", "sum", "valueCount",
         "lastValue", "steps", "values", "subFirstStep", "subMin", "subMax", "subSum", "subCount", "subValueCount")
       SELECT m, f, l, n, lo, hi, total, vn, lv, p.s[a:b], p.v[a:b], sf::bigint[], slo::float8[],
              shi::float8[], ssum::float8[], sn::int[], svn::int[]
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::float8[], $6::float8[], $7::float8[],
                   $8::int[], $9::float8[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[],
                   $15::text[], $16::text[], $17::text[])
         AS c(m, f, l, n, lo, hi, total, vn, lv, a, b, sf, slo, shi, ssum, sn, svn),
         (SELECT $18::bigint[] AS s, $19::float8[] AS v) AS p`,
      [
        arrayLiteral(chunks.map((c) => c.id)),
        arrayLiteral(chunks.map((c) => c.stepFirst)),
        arrayLiteral(chunks.map((c) => c.stepLast)),
        arrayLiteral(chunks.map((c) => c.count)),
        nullableLiteral(chunks.map((c) => c.min)),
        nullableLiteral(chunks.map((c) => c.max)),
        nullableLiteral(chunks.map((c) => c.sum)),
        arrayLiteral(chunks.map((c) => c.valueCount)),
        binaryFloat8Array(chunks.map((c) => c.lastValue)),
        arrayLiteral(chunkPoints.starts),
        arrayLiteral(chunkPoints.ends),
        nested((c) => c.subFirstStep),
        nested((c) => c.subMin),
        nested((c) => c.subMax),
        nested((c) => c.subSum),
        nested((c) => c.subCount),
        nested((c) => c.subValueCount),
        binaryInt8Array(chunkPoints.steps),
        binaryFloat8Array(chunkPoints.values),
        ...keptRows.params,
      ],
    );
  }

  private async metricId(runId: string, key: string): Promise<string | undefined> {
    return (await this.metricIds(this.db(), runId, [key], false)).get(key);
  }

  async keys(runId: string): Promise<string[]> {
    const { rows } = await this.db().query<{ key: string }>(
      `SELECT key FROM "Metric" WHERE "runId" = $1 ORDER BY key`,
      [runId],
    );
    return rows.map((row) => row.key);
  }

  async readExact(
    runId: string,
    key: string,
    {
      fromStep = 0,
      toStep = Number.MAX_SAFE_INTEGER,
      afterStep = -1,
      limit,
    }: { fromStep?: number; toStep?: number; afterStep?: number; limit: number },
  ): Promise<Point[]> {
    const id = await this.metricId(runId, key);
    if (!id) return [];
    const from = Math.max(fromStep, afterStep + 1);
    const { rows } = await this.db().query<{ step: string; value: number }>(
      `SELECT step, value FROM (
         SELECT u.s AS step, u.v AS value FROM "HistoryChunk" c, unnest(c.steps, c."values") AS u(s, v)
         WHERE c."metricId" = $1 AND c."stepLast" >= $2 AND c."stepFirst" <= $3 AND u.s BETWEEN $2 AND $3
         UNION ALL
         SELECT step, value FROM "HistoryTail" WHERE "metricId" = $1 AND step BETWEEN $2 AND $3
       ) points ORDER BY step LIMIT $4`,
      [id, from, toStep, limit],
    );
    return rows.map((row) => ({ step: Number(row.step), value: row.value }));
  }

  async readSampled(
    runId: string,
    key: string,
    { fromStep, toStep, maxPoints }: { fromStep?: number; toStep?: number; maxPoints: number },
  ): Promise<SeriesRead> {
    if (!Number.isInteger(maxPoints) || maxPoints < 2)
      throw AppError.badInput('maxPoints must be an integer of at least 2');
    const id = await this.metricId(runId, key);
    if (!id) return { key, sampled: false, points: [] };
    const db = this.db();
    // Exact count in range: whole chunks by their count, the (at most two) boundary chunks by opening them.
    const bounds = await db.query<{ first: string | null; last: string | null; n: string }>(
      boundsSql('$1', '$2', '$3'),
      [id, fromStep ?? 0, toStep ?? Number.MAX_SAFE_INTEGER],
    );
    const { first, last, n } = bounds.rows[0] ?? { first: null, last: null, n: '0' };
    if (first === null || last === null) return { key, sampled: false, points: [] };
    // The grid comes from the requested range when given, so runs compared side by side share it.
    const from = fromStep ?? Number(first);
    const to = toStep ?? Number(last);
    if (Number(n) <= maxPoints) {
      return {
        key,
        sampled: false,
        points: await this.readExact(runId, key, { fromStep: from, toStep: to, limit: maxPoints }),
      };
    }
    const width = bucketWidth(to - from + 1, maxPoints);
    // Chunks wholly inside the range are aggregated at the finest level a bucket never splits;
    // edge chunks and the tail are opened and filtered to the range.
    const level = width >= blockSteps ? 'block' : width >= subBlockSteps ? 'sub' : 'point';
    const inside = `c."metricId" = $1 AND c."stepFirst" >= $2 AND c."stepFirst" + ${blockSteps - 1} <= $3`;
    const aggregated =
      level === 'block'
        ? `SELECT c."stepFirst" / $4 AS b, min(c."stepFirst") AS step, sum(c."sum") AS total, sum(c."valueCount") AS n,
                  sum(c.count) AS cnt, min(c.min) AS lo, max(c.max) AS hi
           FROM "HistoryChunk" c WHERE ${inside} GROUP BY 1`
        : level === 'sub'
          ? `SELECT u.fs / $4 AS b, min(u.fs) AS step, sum(u.total) AS total, sum(u.n) AS n, sum(u.cnt) AS cnt,
                    min(u.lo) AS lo, max(u.hi) AS hi
             FROM "HistoryChunk" c,
                  unnest(c."subFirstStep", c."subMin", c."subMax", c."subSum", c."subCount", c."subValueCount") AS u(fs, lo, hi, total, cnt, n)
             WHERE ${inside} GROUP BY 1`
          : null;
    const opened = `
      SELECT u.s AS step, u.v AS value FROM "HistoryChunk" c, unnest(c.steps, c."values") AS u(s, v)
      WHERE c."metricId" = $1 AND c."stepLast" >= $2 AND c."stepFirst" <= $3
        ${aggregated ? `AND NOT (${inside})` : ''} AND u.s BETWEEN $2 AND $3
      UNION ALL
      SELECT step, value FROM "HistoryTail" WHERE "metricId" = $1 AND step BETWEEN $2 AND $3`;
    const { rows } = await db.query<{
      step: string;
      total: number | null;
      n: string;
      cnt: string;
      lo: number | null;
      hi: number | null;
    }>(
      `WITH opened AS (${opened}), loose AS (
         SELECT step / $4 AS b, min(step) AS step, sum(value) FILTER (WHERE value <> 'NaN') AS total,
                count(*) FILTER (WHERE value <> 'NaN') AS n, count(*) AS cnt,
                min(value) FILTER (WHERE value <> 'NaN') AS lo, max(value) FILTER (WHERE value <> 'NaN') AS hi
         FROM opened GROUP BY 1
       )
       SELECT min(step) AS step, sum(total) AS total, sum(n) AS n, sum(cnt) AS cnt, min(lo) AS lo, max(hi) AS hi
       FROM (${aggregated ? `${aggregated} UNION ALL ` : ''}SELECT * FROM loose) buckets GROUP BY b ORDER BY b`,
      [id, from, to, width],
    );
    const points: SampledPoint[] = rows.map((row) => ({
      step: Number(row.step),
      value: Number(row.n) > 0 ? Number(row.total) / Number(row.n) : Number.NaN,
      min: row.lo ?? Number.NaN,
      max: row.hi ?? Number.NaN,
      count: Number(row.cnt),
    }));
    return { key, sampled: true, bucketWidth: width, points };
  }

  async readSampledMany(
    series: SeriesRef[],
    { fromStep, toStep, maxPoints }: SeriesRange & { maxPoints: number },
  ): Promise<SeriesRead[]> {
    if (!Number.isInteger(maxPoints) || maxPoints < 2)
      throw AppError.badInput('maxPoints must be an integer of at least 2');
    const results: SeriesRead[] = series.map(({ key }) => ({ key, sampled: false, points: [] }));
    if (series.length === 0) return results;
    const db = this.db();
    // 1. Every series' id and exact bounds in the range (the same SQL as readSampled).
    const bounds = await db.query<{
      i: string;
      id: string;
      first: string | null;
      last: string | null;
      n: string | null;
    }>(
      `SELECT p.i, m.id::text AS id, b.first, b.last, b.n
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(run_id, key, i)
       JOIN "Metric" m ON m."runId" = p.run_id AND m.key = p.key
       CROSS JOIN LATERAL (${boundsSql('m.id', '$3::bigint', '$4::bigint')}) b`,
      [
        series.map((s) => s.runId),
        series.map((s) => s.key),
        fromStep ?? 0,
        toStep ?? Number.MAX_SAFE_INTEGER,
      ],
    );
    // Per series, what readSampled would do: exact below the budget, else a bucket width and
    // the finest storage level a bucket never splits (0 exact, 1 points, 2 sub-blocks, 3 blocks).
    const plans = bounds.rows.flatMap((row) => {
      if (row.first === null || row.last === null) return [];
      const from = fromStep ?? Number(row.first);
      const to = toStep ?? Number(row.last);
      if (Number(row.n) <= maxPoints)
        return [
          { index: Number(row.i) - 1, id: row.id, from: Math.max(0, from), to, width: 1, level: 0 },
        ];
      const width = bucketWidth(to - from + 1, maxPoints);
      const level = width >= blockSteps ? 3 : width >= subBlockSteps ? 2 : 1;
      return [{ index: Number(row.i) - 1, id: row.id, from, to, width, level }];
    });
    if (plans.length === 0) return results;
    // 2. What every series needs, in one statement: the aggregates of the chunks a bucket
    // takes whole (per chunk or per sub-block, as readSampled's levels), the points of the
    // chunks it must open, and the tail. Bucketing happens below, in Node: a GROUP BY over
    // every sub-block in SQL, or pg's parsing of thousands of small arrays, each cost several
    // times more than a few comma-separated lists per series (float8's text form is the
    // same one the wire protocol sends; NULL extremes become NaN, which means "none" below).
    const inside = `c."metricId" = s.id AND c."stepFirst" >= s.lo_step AND c."stepFirst" + ${blockSteps - 1} <= s.hi_step`;
    const list = (column: string) => `string_agg(array_to_string(${column}, ',', 'NaN'), ',')`;
    const { rows } = await db.query<StoredPart>(
      `WITH s AS (
         SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::bigint[], $5::int[])
           AS s(i, id, lo_step, hi_step, level)
       )
       SELECT s.i, 'aggregates' AS part, string_agg(c."stepFirst"::text, ',') AS steps,
              string_agg(coalesce(c."sum"::text, 'NaN'), ',') AS vals, string_agg(c."valueCount"::text, ',') AS ns,
              string_agg(c.count::text, ',') AS cnts, string_agg(coalesce(c.min::text, 'NaN'), ',') AS los,
              string_agg(coalesce(c.max::text, 'NaN'), ',') AS his
         FROM s JOIN "HistoryChunk" c ON ${inside} WHERE s.level = 3 GROUP BY s.i
       UNION ALL
       SELECT s.i, 'aggregates', ${list('c."subFirstStep"')}, ${list('c."subSum"')}, ${list('c."subValueCount"')},
              ${list('c."subCount"')}, ${list('c."subMin"')}, ${list('c."subMax"')}
         FROM s JOIN "HistoryChunk" c ON ${inside} WHERE s.level = 2 GROUP BY s.i
       UNION ALL
       SELECT s.i, 'points', ${list('c.steps')}, ${list('c."values"')}, NULL, NULL, NULL, NULL
         FROM s JOIN "HistoryChunk" c
           ON c."metricId" = s.id AND c."stepLast" >= s.lo_step AND c."stepFirst" <= s.hi_step
         WHERE NOT (s.level >= 2 AND ${inside}) GROUP BY s.i
       UNION ALL
       SELECT s.i, 'points', tail.steps, tail.vals, NULL, NULL, NULL, NULL
         FROM s CROSS JOIN LATERAL (
           SELECT string_agg(t.step::text, ',') AS steps, string_agg(t.value::text, ',') AS vals
           FROM "HistoryTail" t WHERE t."metricId" = s.id AND t.step BETWEEN s.lo_step AND s.hi_step
         ) tail
         WHERE tail.steps IS NOT NULL`,
      [
        plans.map((plan) => plan.index),
        plans.map((plan) => plan.id),
        plans.map((plan) => plan.from),
        plans.map((plan) => plan.to),
        plans.map((plan) => plan.level),
      ],
    );
    const partsOf = new Map<number, StoredPart[]>(plans.map((plan) => [plan.index, []]));
    for (const row of rows) partsOf.get(row.i)!.push(row);
    for (const plan of plans) {
      const key = series[plan.index]!.key;
      const parts = partsOf.get(plan.index)!;
      results[plan.index] =
        plan.level === 0
          ? { key, sampled: false, points: exactPoints(parts, plan.from, plan.to, maxPoints) }
          : {
              key,
              sampled: true,
              bucketWidth: plan.width,
              points: bucketParts(parts, plan.from, plan.to, plan.width),
            };
    }
    return results;
  }

  async stats(runId: string, key: string): Promise<SeriesStats> {
    const id = await this.metricId(runId, key);
    if (!id) return { count: 0, min: null, max: null, mean: null, last: null };
    const { rows } = await this.db().query<{
      cnt: string;
      lo: number | null;
      hi: number | null;
      total: number | null;
      n: string;
      last: number | null;
    }>(
      `SELECT sum(cnt) AS cnt, min(lo) AS lo, max(hi) AS hi, sum(total) AS total, sum(n) AS n,
         (SELECT value FROM (
            SELECT step, value FROM "HistoryTail" WHERE "metricId" = $1
            UNION ALL SELECT "stepLast", "lastValue" FROM "HistoryChunk" WHERE "metricId" = $1
          ) ends ORDER BY step DESC LIMIT 1) AS last
       FROM (
         SELECT sum(count) AS cnt, min(min) AS lo, max(max) AS hi, sum("sum") AS total, sum("valueCount") AS n
           FROM "HistoryChunk" WHERE "metricId" = $1
         UNION ALL
         SELECT count(*), min(value) FILTER (WHERE value <> 'NaN'), max(value) FILTER (WHERE value <> 'NaN'),
                sum(value) FILTER (WHERE value <> 'NaN'), count(*) FILTER (WHERE value <> 'NaN')
           FROM "HistoryTail" WHERE "metricId" = $1
       ) parts`,
      [id],
    );
    const row = rows[0]!;
    const valueCount = Number(row.n ?? 0);
    return {
      count: Number(row.cnt ?? 0),
      min: row.lo,
      max: row.hi,
      mean: valueCount > 0 ? Number(row.total) / valueCount : null,
      last: row.last,
    };
  }

  async deleteRuns(runIds: string[], client: Queryable = this.db()): Promise<void> {
    if (runIds.length === 0) return;
    // The tail has no foreign key (see the model), so its rows go explicitly; chunks cascade.
    await client.query(
      `DELETE FROM "HistoryTailBatch" t USING "Metric" m WHERE m.id = t."metricId" AND m."runId" = ANY($1::text[])`,
      [runIds],
    );
    await client.query(`DELETE FROM "Metric" WHERE "runId" = ANY($1::text[])`, [runIds]);
    for (const key of metricIdCache.keys())
      if (runIds.some((id) => key.startsWith(`${id}\0`))) metricIdCache.delete(key);
  }

  async deleteFromStep(runId: string, step: number, client: Queryable = this.db()): Promise<void> {
    // Chunks that straddle `step` give their earlier points back to the tail first.
    await client.query(
      `WITH straddling AS (
         DELETE FROM "HistoryChunk" c USING "Metric" m
         WHERE m.id = c."metricId" AND m."runId" = $1 AND c."stepFirst" < $2 AND c."stepLast" >= $2
         RETURNING c."metricId", c.steps, c."values"
       )
       INSERT INTO "HistoryTailBatch" ("metricId", "stepFirst", "stepLast", "steps", "values")
       SELECT s."metricId", min(u.s), max(u.s), array_agg(u.s ORDER BY u.s), array_agg(u.v ORDER BY u.s)
       FROM straddling s, unnest(s.steps, s."values") AS u(s, v) WHERE u.s < $2 GROUP BY s."metricId"`,
      [runId, step],
    );
    await client.query(
      `DELETE FROM "HistoryChunk" c USING "Metric" m WHERE m.id = c."metricId" AND m."runId" = $1 AND c."stepFirst" >= $2`,
      [runId, step],
    );
    const { rows } = await client.query<{ id: string }>(
      `SELECT id::text FROM "Metric" WHERE "runId" = $1`,
      [runId],
    );
    if (rows.length)
      await this.trimTail(
        client,
        rows.map(({ id }) => [id, step]),
      );
  }
}

/**
 * One row of readSampledMany's second statement: comma-separated lists, position by position.
 * `aggregates`: per chunk or sub-block, its first step, sum, non-NaN count, count, min, max.
 * `points`: steps and values.
 */
interface StoredPart {
  i: number;
  part: 'aggregates' | 'points';
  steps: string;
  vals: string;
  ns: string | null;
  cnts: string | null;
  los: string | null;
  his: string | null;
}

const numbers = (list: string) => list.split(',').map(Number);

/** The points of the parts in [from, to], in step order: an exact read. */
function exactPoints(parts: StoredPart[], from: number, to: number, limit: number): Point[] {
  const points: Point[] = [];
  for (const part of parts) {
    const values = numbers(part.vals);
    numbers(part.steps).forEach((step, j) => {
      if (step >= from && step <= to) points.push({ step, value: values[j]! });
    });
  }
  return points.sort((a, b) => a.step - b.step).slice(0, limit);
}

/**
 * The same buckets as readSampled's SQL: bucket = floor(step / width); its step is the lowest
 * step (or block or sub-block start) in it, its value the mean of its non-NaN values, min and
 * max over them (NaN when it has none), count over every point.
 */
function bucketParts(parts: StoredPart[], from: number, to: number, width: number): SampledPoint[] {
  const base = Math.floor(from / width);
  const size = Math.floor(to / width) - base + 1;
  const first = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const total = new Float64Array(size);
  const n = new Float64Array(size);
  const count = new Float64Array(size);
  const lo = new Float64Array(size).fill(Number.NaN);
  const hi = new Float64Array(size).fill(Number.NaN);
  const add = (
    step: number,
    sum: number,
    values: number,
    points: number,
    min: number,
    max: number,
  ) => {
    const k = Math.floor(step / width) - base;
    if (step < first[k]!) first[k] = step;
    if (values > 0) total[k]! += sum;
    n[k]! += values;
    count[k]! += points;
    // NaN (no value) never replaces an extreme; the first real one replaces NaN.
    if (!(min >= lo[k]!) && !Number.isNaN(min)) lo[k] = min;
    if (!(max <= hi[k]!) && !Number.isNaN(max)) hi[k] = max;
  };
  for (const part of parts) {
    const steps = numbers(part.steps);
    const vals = numbers(part.vals);
    if (part.part === 'aggregates') {
      const ns = numbers(part.ns!);
      const cnts = numbers(part.cnts!);
      const los = numbers(part.los!);
      const his = numbers(part.his!);
      steps.forEach((step, j) => add(step, vals[j]!, ns[j]!, cnts[j]!, los[j]!, his[j]!));
    } else {
      steps.forEach((step, j) => {
        if (step < from || step > to) return;
        const value = vals[j]!;
        add(step, value, Number.isNaN(value) ? 0 : 1, 1, value, value);
      });
    }
  }
  const points: SampledPoint[] = [];
  for (let k = 0; k < size; k++) {
    if (count[k] === 0) continue;
    points.push({
      step: first[k]!,
      value: n[k]! > 0 ? total[k]! / n[k]! : Number.NaN,
      min: lo[k]!,
      max: hi[k]!,
      count: count[k]!,
    });
  }
  return points;
}
