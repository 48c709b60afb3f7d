-- zstd dictionaries of record payloads (issue 20), trained per stream from its first records: the records of one object
-- are alike field for field, which per-record compression cannot see. A payload compressed with one names it by id
-- (PayloadCodec's dictionary format); payloads written before stay readable. A dictionary is never changed, and stays
-- while its stream exists.
CREATE TABLE record_dictionary (
    id         serial      PRIMARY KEY,
    stream_id  bigint      NOT NULL REFERENCES record_stream (id),
    dictionary bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX record_dictionary_stream ON record_dictionary (stream_id, id DESC);
