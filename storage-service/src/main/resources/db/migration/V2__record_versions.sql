-- The version chain of one object as backed up by one policy; restore points of an object belong to its stream.
CREATE TABLE record_stream (
    id        bigserial PRIMARY KEY,
    policy_id uuid NOT NULL,
    org_id    text NOT NULL,
    object    text NOT NULL,
    UNIQUE (policy_id, org_id, object)
);

ALTER TABLE restore_point ADD COLUMN stream_id bigint REFERENCES record_stream (id);
CREATE INDEX restore_point_stream ON restore_point (stream_id, seq DESC);

-- One row per stored version; seq is the restore point that introduced it (restore_point.seq, no FK: retention may
-- remove the point but keep the version when later points still read it). Tombstones have no hash and no payload.
CREATE TABLE record_version (
    stream_id    bigint  NOT NULL,
    record_id    text    COLLATE "C" NOT NULL,
    seq          bigint  NOT NULL,
    tombstone    boolean NOT NULL,
    content_hash bytea,
    payload      bytea,
    PRIMARY KEY (stream_id, record_id, seq)
);
-- payloads are deflated by the service already: PostgreSQL need not try again
ALTER TABLE record_version ALTER COLUMN payload SET STORAGE EXTERNAL;
-- versions are appended in seq order, so a block-range index finds a point's rows for discard, diff and retention
CREATE INDEX record_version_seq ON record_version USING brin (seq);

-- Idempotency of ingest calls: one row per (point, kind of call, seq), written in the call's transaction.
CREATE TABLE ingested_batch (
    restore_point_id  uuid   NOT NULL REFERENCES restore_point (id) ON DELETE CASCADE,
    kind              text   NOT NULL CHECK (kind IN ('RECORDS', 'DELETIONS', 'END_OF_FULL_SCAN')),
    seq               bigint NOT NULL,
    received          bigint NOT NULL DEFAULT 0,
    records_new       bigint NOT NULL DEFAULT 0,
    records_changed   bigint NOT NULL DEFAULT 0,
    records_unchanged bigint NOT NULL DEFAULT 0,
    records_deleted   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (restore_point_id, kind, seq)
);

-- Ids read by an open FULL point, so end-of-full-scan can turn absent records into tombstones; emptied at commit.
CREATE TABLE full_scan_seen (
    restore_point_id uuid NOT NULL REFERENCES restore_point (id) ON DELETE CASCADE,
    record_id        text COLLATE "C" NOT NULL,
    PRIMARY KEY (restore_point_id, record_id)
);

CREATE TABLE watermark (
    policy_id  uuid        NOT NULL,
    object     text        NOT NULL,
    field      text,
    value      timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (policy_id, object)
);

-- A running restore reads this point: retention keeps it (and what it reads) while the lease lives.
CREATE TABLE restore_lease (
    id               uuid PRIMARY KEY,
    restore_point_id uuid        NOT NULL REFERENCES restore_point (id) ON DELETE CASCADE,
    holder           text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL
);
CREATE INDEX restore_lease_point ON restore_lease (restore_point_id);

-- The retention last asked for each policy; the scheduled job re-applies it.
CREATE TABLE retention_rule (
    policy_id      uuid PRIMARY KEY,
    retention_days int         NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
