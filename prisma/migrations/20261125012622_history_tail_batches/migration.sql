-- The history tail as one row per series per ingest batch (steps and values as arrays)
-- instead of one row per point: a 1,000-point batch writes 10 tuples, not 1,000, which costs
-- Postgres about a third of the CPU (docs/decisions/005-history-store.md). Reads keep seeing
-- points through a view of the old name and shape.

-- CreateTable
CREATE TABLE "HistoryTailBatch" (
    "metricId" BIGINT NOT NULL,
    "stepFirst" BIGINT NOT NULL,
    "stepLast" BIGINT NOT NULL,
    "steps" BIGINT[],
    "values" DOUBLE PRECISION[],

    CONSTRAINT "HistoryTailBatch_pkey" PRIMARY KEY ("metricId","stepFirst")
);

-- Existing unsealed points: one row per series.
INSERT INTO "HistoryTailBatch" ("metricId", "stepFirst", "stepLast", "steps", "values")
SELECT "metricId", min(step), max(step), array_agg(step ORDER BY step), array_agg(value ORDER BY step)
FROM "HistoryTail" GROUP BY "metricId";

-- DropTable
DROP TABLE "HistoryTail";

-- Rows go when their block is sealed: vacuum after every 1,000 dead rows.
ALTER TABLE "HistoryTailBatch" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_cost_delay = 0);

-- The tail's points, as the reads (and `pg_total_relation_size` in the storage bench) know them.
CREATE VIEW "HistoryTail" AS
SELECT t."metricId", u.step, u.value
FROM "HistoryTailBatch" t, unnest(t.steps, t."values") AS u(step, value);
