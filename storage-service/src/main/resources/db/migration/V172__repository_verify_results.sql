-- Every repository verify's report, so an alert about damage can link to what the verify found.
CREATE TABLE repository_verify (
    id            uuid        PRIMARY KEY,
    repository_id uuid        NOT NULL REFERENCES backup_repository (id) ON DELETE CASCADE,
    finished_at   timestamptz NOT NULL,
    ok            boolean     NOT NULL,
    report        jsonb       NOT NULL
);
CREATE INDEX repository_verify_of_repository ON repository_verify (repository_id, finished_at);
