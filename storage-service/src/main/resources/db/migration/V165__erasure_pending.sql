-- An erasure whose repository rewrite did not finish (the repository was unreachable) keeps, per repository, the file
-- manifests and chunk ids still to remove (ids only, never content) until a retry completes it and deletes the row.
CREATE TABLE erasure_pending (
    erasure_id    uuid    NOT NULL REFERENCES erasure (id) ON DELETE CASCADE,
    repository_id uuid    NOT NULL,
    file_ids      uuid[]  NOT NULL,
    chunk_ids     text[]  NOT NULL,
    attempts      integer NOT NULL DEFAULT 1,
    PRIMARY KEY (erasure_id, repository_id)
);
