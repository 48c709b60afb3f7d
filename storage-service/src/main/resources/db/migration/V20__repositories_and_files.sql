-- Repositories (LOCAL directory or S3 bucket) and the files / metadata packages stored in them (issue 5).
-- The content itself lives in the repository (see storage/repository/FORMAT.md); these rows say which file is which.
CREATE TABLE backup_repository (
    id                   uuid PRIMARY KEY,
    name                 text        NOT NULL UNIQUE,
    kind                 text        NOT NULL CHECK (kind IN ('LOCAL', 'S3')),
    local_path           text,
    s3_endpoint          text,
    s3_region            text,
    s3_bucket            text,
    s3_prefix            text,
    s3_access_key        text,
    s3_secret_key_sealed text,
    s3_path_style        boolean     NOT NULL DEFAULT true,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- One stored file (kind FILE: a ContentVersion/Attachment/Document body; METADATA: a metadata package) of a restore point.
-- Rows are inserted only after the packs, the index and the file manifest are durable in the repository.
CREATE TABLE stored_file (
    id               uuid PRIMARY KEY,
    repository_id    uuid        NOT NULL REFERENCES backup_repository (id),
    restore_point_id uuid        NOT NULL REFERENCES restore_point (id) ON DELETE CASCADE,
    kind             text        NOT NULL CHECK (kind IN ('FILE', 'METADATA')),
    source_id        text        NOT NULL,
    name             text,
    content_type     text,
    size             bigint      NOT NULL,
    sha256           text        NOT NULL,
    new_bytes        bigint      NOT NULL,
    dedup_bytes      bigint      NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (restore_point_id, kind, source_id)
);

CREATE INDEX stored_file_repository ON stored_file (repository_id);

-- The file's chunks in order (the same list as its manifest in the repository): for range reads, verify and GC.
CREATE TABLE stored_file_chunk (
    file_id  uuid    NOT NULL REFERENCES stored_file (id) ON DELETE CASCADE,
    seq      integer NOT NULL,
    chunk_id text    NOT NULL,
    length   integer NOT NULL,
    PRIMARY KEY (file_id, seq)
);

CREATE INDEX stored_file_chunk_chunk ON stored_file_chunk (chunk_id);
