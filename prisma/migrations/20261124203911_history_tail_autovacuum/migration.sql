-- The history tail churns: every sealed block deletes its rows. Vacuum it after every 10,000
-- dead rows instead of after 20% of the table, so dead index entries never pile up under
-- chart queries (docs/decisions/005-history-store.md).
ALTER TABLE "HistoryTail" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000, autovacuum_vacuum_cost_delay = 0);
