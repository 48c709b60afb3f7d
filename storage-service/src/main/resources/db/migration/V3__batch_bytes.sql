-- Batches keep their own counters; a point's counters are their sum (rolled up at commit), so parallel batches of
-- one point never update, and lock, the restore_point row.
ALTER TABLE ingested_batch ADD COLUMN bytes bigint NOT NULL DEFAULT 0;
