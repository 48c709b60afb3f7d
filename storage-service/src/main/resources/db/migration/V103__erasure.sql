-- Erasures (issue 17, right to be forgotten): what was erased, kept as proof. The report holds record ids, version
-- content hashes, file ids, file SHA-256 and chunk ids only: never a value (a where-criterion keeps its field, not its value).
CREATE TABLE erasure (
    id           uuid PRIMARY KEY,
    policy_id    uuid        NOT NULL,
    object       text        NOT NULL,
    criterion    text        NOT NULL,
    requested_by text,
    requested_at timestamptz NOT NULL,
    completed_at timestamptz,
    report       jsonb       NOT NULL
);
CREATE INDEX erasure_policy ON erasure (policy_id, requested_at DESC);
