#!/usr/bin/env bash
# WAL written by an incremental batch after a checkpoint, with and without wal_compression (deploy/README.md).
#   storage-service/bench/wal-bench.sh [records (default 1000000)] [changed per batch (default 2000)] [rounds (default 4)]
# Uses the worktree's private cluster (deploy/local/postgres.sh, BACKUP_PG_PORT) and a fresh database wal_bench with a
# table shaped like record_version (same key and index, payloads of incompressible bytes as zstd leaves them). Each
# round and setting: a checkpoint, then one transaction storing new versions of randomly chosen records, as storage's
# ingest of an incremental batch does; prints the WAL bytes and milliseconds of that transaction.
set -euo pipefail
RECORDS="${1:-1000000}"
CHANGED="${2:-2000}"
ROUNDS="${3:-4}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
deploy/local/postgres.sh start >/dev/null
deploy/local/postgres.sh psql -q -c 'DROP DATABASE IF EXISTS wal_bench' -c 'CREATE DATABASE wal_bench'
psql_bench() { deploy/local/postgres.sh psql -d wal_bench -qAt "$@"; }
psql_bench -c "CREATE TABLE version (stream_id bigint NOT NULL, record_id text COLLATE \"C\" NOT NULL, seq bigint NOT NULL,
    tombstone boolean NOT NULL, content_hash bytea, payload bytea, PRIMARY KEY (stream_id, record_id, seq))" \
  -c "INSERT INTO version SELECT 1, '001' || lpad(i::text, 15, '0'), 1, false, substr(sha256(i::text::bytea), 1, 16),
    (SELECT string_agg(sha256((i * 16 + k)::text::bytea), '') FROM generate_series(1, 10) k)
    FROM generate_series(0, $RECORDS - 1) i ORDER BY 2" \
  -c "VACUUM ANALYZE version"
echo "records $RECORDS, changed per batch $CHANGED; per round: wal_compression, WAL bytes, milliseconds"
for round in $(seq 1 "$ROUNDS"); do
  for compression in off lz4; do
    psql_bench <<SQL
SET wal_compression = $compression;
CREATE TEMP TABLE changed AS SELECT stream_id, record_id, tombstone, content_hash, payload FROM version
  WHERE seq = 1 AND record_id IN (SELECT '001' || lpad((random() * ($RECORDS - 1))::int::text, 15, '0')
  FROM generate_series(1, $CHANGED));
CHECKPOINT;
SELECT pg_current_wal_lsn() AS lsn, clock_timestamp() AS started \gset
BEGIN;
INSERT INTO version SELECT stream_id, record_id, 2, tombstone, content_hash, payload FROM changed;
COMMIT;
SELECT 'round $round', '$compression', pg_current_wal_lsn() - :'lsn',
  round(extract(epoch FROM clock_timestamp() - :'started') * 1000);
DELETE FROM version WHERE seq = 2;
SQL
  done
done
