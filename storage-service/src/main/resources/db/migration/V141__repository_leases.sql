-- Coordination of storage-service instances that share repositories. A lease is a row with an expiry that its holder
-- renews while it works; an expired row is ignored and replaced, so a crashed instance blocks nobody for long.
--   STORE:        an upload into the repository runs (many may, from any instance);
--   GC:           garbage collection or erasure runs; it starts only once no STORE lease is left, and while it holds the
--                 lease new uploads wait;
--   CACHE_UPLOAD: the repository's backup cache is being uploaded (one instance at a time).
CREATE TABLE repository_lease (
    repository_id uuid        NOT NULL REFERENCES backup_repository (id) ON DELETE CASCADE,
    holder        text        NOT NULL,
    purpose       text        NOT NULL CHECK (purpose IN ('STORE', 'GC', 'CACHE_UPLOAD')),
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (repository_id, holder)
);
CREATE UNIQUE INDEX repository_lease_one_exclusive ON repository_lease (repository_id, purpose) WHERE purpose <> 'STORE';

-- Bumped by every garbage collection or erasure that changed the index files: an instance whose in-memory index was
-- read at an older generation reloads it before it deduplicates against chunks that may be gone.
CREATE TABLE repository_index_generation (
    repository_id uuid   PRIMARY KEY REFERENCES backup_repository (id) ON DELETE CASCADE,
    generation    bigint NOT NULL
);

-- When garbage collection first saw a pack that no index lists (an interrupted upload): its grace period counts from
-- then, across restarts and instances.
CREATE TABLE unindexed_pack (
    repository_id uuid        NOT NULL REFERENCES backup_repository (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    first_seen_at timestamptz NOT NULL,
    PRIMARY KEY (repository_id, name)
);
