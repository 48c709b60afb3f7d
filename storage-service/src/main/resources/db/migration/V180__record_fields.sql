-- The top-level field names that records of a stream have had a value in, so a CSV read without a projection writes
-- its header (every field any record has) without a first pass over the records. A row holds the names a batch of the
-- point with that seq brought that no row at or below that seq held already; the header as of a point is the union of
-- the rows at or below its seq. Rows are never removed with points or versions: the union may name a field that no
-- record live at the point has any more (an empty column), never miss one.
CREATE TABLE record_field (
    stream_id bigint NOT NULL REFERENCES record_stream (id),
    seq       bigint NOT NULL,
    fields    text[] NOT NULL
);
CREATE INDEX record_field_stream ON record_field (stream_id, seq);

-- Streams with records stored before this table have no rows for them: their CSV reads keep the first pass.
ALTER TABLE record_stream ADD COLUMN fields_recorded boolean NOT NULL DEFAULT false;
ALTER TABLE record_stream ALTER COLUMN fields_recorded SET DEFAULT true;
UPDATE record_stream s SET fields_recorded = true WHERE NOT EXISTS (SELECT 1 FROM record_version v WHERE v.stream_id = s.id);
