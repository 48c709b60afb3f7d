#!/usr/bin/env bash
# Stops the local suite started by up.sh, services first, then PostgreSQL. Data stays in .local/. Safe to run twice.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
RUN="$SFB_LOCAL/run"

stop_service() {
  local module="$1" pid i
  [ -f "$RUN/$module.pid" ] || return 0
  pid="$(cat "$RUN/$module.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "down: $module did not stop within 30 s; killing it" >&2
      kill -KILL "$pid"
    fi
    echo "down: stopped $module"
  fi
  rm -f "$RUN/$module.pid"
}

# the console and session-service first, so no new work starts while the others go down
for module in console session-service policy-service storage-service salesforce-emulator; do stop_service "$module"; done
"$SFB_ROOT/deploy/local/postgres.sh" stop
