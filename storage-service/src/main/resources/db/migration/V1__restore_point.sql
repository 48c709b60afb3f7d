-- A restore point: one committed cut of one object (or of a run's files / metadata when object is null).
-- seq orders points globally; record versions carry it so "as of point P" is "seq <= P.seq".
CREATE SEQUENCE restore_point_seq;

CREATE TABLE restore_point (
    id                uuid PRIMARY KEY,
    seq               bigint      NOT NULL DEFAULT nextval('restore_point_seq') UNIQUE,
    policy_id         uuid        NOT NULL,
    session_id        uuid        NOT NULL,
    org_id            text        NOT NULL,
    object            text,
    kind              text        NOT NULL CHECK (kind IN ('INITIAL', 'INCREMENTAL', 'FULL')),
    state             text        NOT NULL CHECK (state IN ('OPEN', 'COMMITTED', 'DISCARDED')),
    repository_id     uuid,
    object_schema     jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    committed_at      timestamptz,
    records_new       bigint      NOT NULL DEFAULT 0,
    records_changed   bigint      NOT NULL DEFAULT 0,
    records_deleted   bigint      NOT NULL DEFAULT 0,
    records_unchanged bigint      NOT NULL DEFAULT 0,
    bytes             bigint      NOT NULL DEFAULT 0
);

CREATE INDEX restore_point_policy_object ON restore_point (policy_id, object, seq DESC);
CREATE INDEX restore_point_committed_at ON restore_point (committed_at);
