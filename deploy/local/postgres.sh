#!/usr/bin/env bash
# A private PostgreSQL cluster for local runs and tests: start | stop | status | port | psql [args].
# Data lives in .local/postgres (git-ignored). It starts on port 25432 unless BACKUP_PG_PORT says otherwise; once it
# runs, every command uses the port it actually listens on (postmaster.pid), and warns when BACKUP_PG_PORT asks for
# another one: a running cluster is never moved under the services and tests that use it.
# When run by root, the server runs as the 'postgres' user, as PostgreSQL requires.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"

# Below Linux's ephemeral range (32768 to 60999): an outgoing connection's local port there can hold the port when the
# cluster starts ("Address already in use").
REQUESTED_PORT="${BACKUP_PG_PORT:-25432}"
PORT="$REQUESTED_PORT" # the port commands talk to: the running cluster's own, once use_running_port has run
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

# Line 4 of postmaster.pid is the port the running server listens on, whatever port it was asked for.
running_port() { sed -n 4p "$DATA/postmaster.pid" 2>/dev/null | tr -d '[:space:]'; }

# Points PORT at the running cluster; warns (on stderr) when that is not the port BACKUP_PG_PORT asks for.
use_running_port() {
  local actual
  actual="$(running_port)"
  if ! [[ "$actual" =~ ^[0-9]+$ ]]; then
    echo "postgres: error: the cluster in $DATA runs, but $DATA/postmaster.pid names no port" >&2
    exit 1
  fi
  PORT="$actual"
  if [ "$PORT" != "$REQUESTED_PORT" ] && [ "${1:-}" != quiet ]; then
    local asked="BACKUP_PG_PORT=$REQUESTED_PORT"
    [ -n "${BACKUP_PG_PORT:-}" ] || asked="port $REQUESTED_PORT (the default: BACKUP_PG_PORT is not set)"
    echo "postgres: warning: $asked was asked for, but this checkout's cluster already runs on port $PORT;" >&2
    echo "          using port $PORT. To move it to port $REQUESTED_PORT: deploy/local/down.sh (or postgres.sh stop)," >&2
    echo "          then start again with BACKUP_PG_PORT=$REQUESTED_PORT." >&2
  fi
}

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
      -o "-p $REQUESTED_PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c wal_compression=lz4 -c fsync=${BACKUP_PG_FSYNC:-on}" start >/dev/null 9>&- \
      || { tail -20 "$DIR/server.log" >&2
           echo "postgres: could not start on port $REQUESTED_PORT (if another server holds it, choose a free port with BACKUP_PG_PORT)" >&2
           exit 1; }
  fi
  use_running_port
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
  if is_running; then
    use_running_port
    echo "postgres: running on 127.0.0.1:$PORT (data: $DATA)"
  else
    echo "postgres: not running"; return 3
  fi
}

# Prints the port of the running cluster, for scripts (up.sh) that configure its clients.
port() {
  if is_running; then use_running_port quiet; echo "$PORT"; else echo "postgres: not running" >&2; return 3; fi
}

# Only ever talks to this checkout's cluster: when it is down, whatever listens on the port is someone else's server.
psql_running() {
  if ! is_running; then echo "postgres: not running (start it with deploy/local/postgres.sh start)" >&2; return 3; fi
  use_running_port
  psql_admin "$@"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  port) port ;;
  psql) shift; psql_running "$@" ;;
  *) echo "usage: $0 start|stop|status|port|psql [args]" >&2; exit 2 ;;
esac
