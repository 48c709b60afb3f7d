-- Backup cache (issue 7): a repository's local cache settings, and where each restore point's files live.
CREATE TABLE repository_cache (
    repository_id    uuid PRIMARY KEY REFERENCES backup_repository (id) ON DELETE CASCADE,
    enabled          boolean     NOT NULL,
    path             text        NOT NULL,
    max_bytes        bigint      NOT NULL CHECK (max_bytes > 0),
    reconnect_window text        NOT NULL DEFAULT 'PT30M',
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- location: REPOSITORY (default), CACHE (written to the cache, waiting for upload), UPLOADING (being uploaded).
ALTER TABLE restore_point
    ADD COLUMN location           text NOT NULL DEFAULT 'REPOSITORY' CHECK (location IN ('REPOSITORY', 'CACHE', 'UPLOADING')),
    ADD COLUMN cache_reason       text,
    ADD COLUMN cached_at          timestamptz,
    ADD COLUMN repository_lost_at timestamptz,
    ADD COLUMN uploaded_at        timestamptz;

CREATE INDEX restore_point_cached ON restore_point (repository_id, seq) WHERE cached_at IS NOT NULL;
