#!/usr/bin/env bash
# A private PostgreSQL cluster for local runs and tests: start | stop | status | psql [args].
# Data lives in .local/postgres (git-ignored); port 55432 unless BACKUP_PG_PORT says otherwise.
# When run by root, the server runs as the 'postgres' user, as PostgreSQL requires.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

PORT="${BACKUP_PG_PORT:-55432}"
DATABASES=(policy session storage)

find_pg_bin() {
  local dir
  for dir in "${BACKUP_PG_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr) /usr/local/pgsql/bin; do
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then dirname "$(command -v initdb)"; return; fi
  echo "error: no PostgreSQL server binaries found (initdb, pg_ctl)." >&2
  echo "       install them with: apt-get install postgresql (Debian/Ubuntu), or set BACKUP_PG_BIN to their folder." >&2
  exit 1
}
PG_BIN="$(find_pg_bin)"

as_db_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The cluster must sit where the server's user can reach it; root's private temp folders are not.
cluster_dir() {
  local preferred="$SFB_LOCAL/postgres"
  if [ "$(id -u)" -ne 0 ]; then echo "$preferred"; return; fi
  mkdir -p "$preferred" && chown postgres: "$preferred"
  if runuser -u postgres -- test -w "$preferred"; then echo "$preferred"; return; fi
  local fallback="/var/tmp/sfbackup-postgres-$(echo -n "$SFB_ROOT" | sha1sum | cut -c1-12)"
  mkdir -p "$fallback" && chown postgres: "$fallback" && chmod 700 "$fallback"
  echo "$fallback"
}
DIR="$(cluster_dir)"
DATA="$DIR/data"

is_running() { as_db_user "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

psql_admin() { as_db_user "$PG_BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

create_databases() {
  local db
  for db in "${DATABASES[@]}"; do
    if [ -z "$(psql_admin -d postgres -c "select 1 from pg_database where datname = '$db'")" ]; then
      psql_admin -d postgres -c "create database $db"
    fi
  done
}

start() {
  exec 9>"$DIR/.lock"
  flock 9
  if [ ! -s "$DATA/PG_VERSION" ]; then
    echo "postgres: creating cluster in $DATA"
    as_db_user "$PG_BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
  fi
  if ! is_running; then
    as_db_user "$PG_BIN/pg_ctl" -D "$DATA" -w -t 60 -l "$DIR/server.log" \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=${BACKUP_PG_FSYNC:-on}" start >/dev/null 9>&- \
      || { tail -20 "$DIR/server.log" >&2; exit 1; }
  fi
  create_databases
  echo "postgres: running on 127.0.0.1:$PORT (user postgres, databases: ${DATABASES[*]}, data: $DATA)"
}

stop() {
  if is_running; then
    as_db_user "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    echo "postgres: stopped"
  else
    echo "postgres: not running"
  fi
}

status() {
  if is_running; then echo "postgres: running on 127.0.0.1:$PORT (data: $DATA)"; else echo "postgres: not running"; return 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  psql) shift; psql_admin "$@" ;;
  *) echo "usage: $0 start|stop|status|psql [args]" >&2; exit 2 ;;
esac
