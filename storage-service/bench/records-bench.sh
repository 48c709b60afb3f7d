#!/usr/bin/env bash
# The record store against raw PostgreSQL COPY (IngestBench): ingest, bytes per version, point-in-time reads.
#   storage-service/bench/records-bench.sh [records (default 1000000)] [records per batch (default 5000)]
# Uses the worktree's private cluster (deploy/local/postgres.sh, BACKUP_PG_PORT), a fresh database storage_bench and
# storage-service on port ${BENCH_PORT:-8093} with a 256 MiB heap. SFBACKUP_JAVA_OPTS adds JVM options to the service
# (e.g. -XX:StartFlightRecording=filename=/tmp/records.jfr,settings=profile).
set -euo pipefail
RECORDS="${1:-1000000}"
BATCH="${2:-5000}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PORT="${BENCH_PORT:-8093}"
source "$ROOT/deploy/local/lib/env.sh"
select_jdk >/dev/null

cd "$ROOT"
echo "== building storage-service (SKIP_BUILD=1: use the built one)"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B install -DskipTests -pl storage-service -am >/dev/null
REPO=$(./mvnw -q -B help:evaluate -Dexpression=settings.localRepository -DforceStdout -pl storage-service 2>/dev/null)
DRIVER=$(ls "$REPO"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
deploy/local/postgres.sh start >/dev/null
PG_PORT=$(deploy/local/postgres.sh port)
deploy/local/postgres.sh psql -q -c 'DROP DATABASE IF EXISTS storage_bench' -c 'CREATE DATABASE storage_bench'
[ -f .local/secrets/signing-key.pub ] || deploy/local/token.sh --keygen >/dev/null

LOG=$(mktemp /tmp/records-bench-service.XXXXXX.log)
BACKUP_ENCRYPTION_KEY="${BACKUP_ENCRYPTION_KEY:-$(head -c 32 /dev/urandom | base64)}" BACKUP_DB_NAME=storage_bench QUARKUS_HTTP_PORT="$PORT" QUARKUS_OIDC_PUBLIC_KEY="$(cat .local/secrets/signing-key.pub)" \
  QUARKUS_OIDC_TOKEN_ISSUER=sfbackup-local BACKUP_DB_PORT="$PG_PORT" \
  "$JAVA_HOME/bin/java" -Xmx256m ${SFBACKUP_JAVA_OPTS:-} -jar storage-service/target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  kill -0 $SERVICE 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
SFBACKUP_TOKEN=$(deploy/local/token.sh session-service) "$JAVA_HOME/bin/java" -cp "$DRIVER" \
  storage-service/src/test/java/dev/sfbackup/storage/restorepoint/bench/IngestBench.java \
  "http://127.0.0.1:$PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/storage_bench" "$RECORDS" "$BATCH" 1
echo "(service log: $LOG)"
