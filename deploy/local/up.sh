#!/usr/bin/env bash
# Starts the whole suite locally, without Docker: private PostgreSQL, the Salesforce emulator, the three services and
# the web console.
# Builds what is missing first. Safe to run twice: what already runs is left alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
select_jdk

# module:port, in start order
SERVICES=(salesforce-emulator:8089 storage-service:8083 policy-service:8081 session-service:8082 console:8080)
RUN="$SFB_LOCAL/run"
LOGS="$SFB_LOCAL/logs"
mkdir -p "$RUN" "$LOGS" "$SFB_LOCAL/secrets" "$SFB_LOCAL/repositories"

build_if_missing() {
  local entry module missing=()
  for entry in "${SERVICES[@]}"; do
    module="${entry%%:*}"
    [ -f "$SFB_ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || missing+=("$module")
  done
  ls "$SFB_ROOT"/backup-token/target/backup-token-*.jar >/dev/null 2>&1 || missing+=(backup-token)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "up: building ${missing[*]} (first run takes a few minutes)"
    (cd "$SFB_ROOT" && ./mvnw -q -B package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am) >"$LOGS/build.log" 2>&1 \
      || { tail -40 "$LOGS/build.log" >&2; echo "up: build failed, full log in $LOGS/build.log" >&2; exit 1; }
  fi
}

# One key for all services' secrets at rest, created once and kept with the local data.
encryption_key() {
  local file="$SFB_LOCAL/secrets/encryption.key"
  [ -s "$file" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$file")
  cat "$file"
}

# The local sign-in: an RSA key pair the services trust instead of an identity provider, created once. The private key
# signs the services' calls to each other and the tokens of deploy/local/token.sh; it never leaves .local/secrets.
signing_key() {
  "$SFB_ROOT/deploy/local/token.sh" --keygen
}

# The console's local admin signs in with this password, created once (git-ignored with the rest of .local).
console_password() {
  local file="$SFB_LOCAL/secrets/console-admin.password"
  [ -s "$file" ] || (umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$file")
}

# What one module needs beyond the common settings: the console runs in local mode (login page, no identity provider).
module_args() {
  case "$1" in
    console) echo "-Dquarkus.profile=local" ;;
  esac
}

is_running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

is_ready() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

# A recorded pid that still answers kill -0 may be a process that is dying (just killed, even with -9): it counts as
# running only once it answers on its port; until then wait for it to be either ready or gone (then start it anew).
still_running() {
  local module="$1" port="$2" i
  for i in $(seq 1 180); do
    is_running "$module" || return 1
    is_ready "$port" && return 0
    sleep 0.5
  done
  return 0
}

start_service() {
  local module="$1" port="$2"
  if is_running "$module"; then
    if still_running "$module" "$port"; then
      echo "up: $module already running (pid $(cat "$RUN/$module.pid"))"
      return
    fi
    echo "up: $module (pid $(cat "$RUN/$module.pid")) is gone; starting it again"
  fi
  BACKUP_ENCRYPTION_KEY="$KEY" BACKUP_DB_PORT="$PG_PORT" BACKUP_REPOSITORIES_ALLOWED_ROOTS="$SFB_LOCAL/repositories" \
    QUARKUS_OIDC_PUBLIC_KEY="$(cat "$SFB_LOCAL/secrets/signing-key.pub")" QUARKUS_OIDC_TOKEN_ISSUER=sfbackup-local \
    BACKUP_SECURITY_SERVICE_TOKEN_SIGNING_KEY_FILE="$SFB_LOCAL/secrets/signing-key.pem" \
    CONSOLE_ADMIN_PASSWORD_FILE="$SFB_LOCAL/secrets/console-admin.password" \
    nohup "$JAVA_HOME/bin/java" -Xmx${BACKUP_SERVICE_HEAP:-768m} $(module_args "$module") \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
    -Dquarkus.rest-client.policy-service.url=http://127.0.0.1:8081 \
    -Dquarkus.rest-client.session-service.url=http://127.0.0.1:8082 \
    -Dquarkus.rest-client.storage-service.url=http://127.0.0.1:8083 \
    -jar "$SFB_ROOT/$module/target/quarkus-app/quarkus-run.jar" >>"$LOGS/$module.log" 2>&1 &
  echo $! >"$RUN/$module.pid"
  echo "up: started $module on port $port (log: $LOGS/$module.log)"
}

wait_ready() {
  local module="$1" port="$2" i
  for i in $(seq 1 180); do
    if is_ready "$port"; then return; fi
    if ! is_running "$module"; then
      echo "up: $module stopped while starting; last lines of its log:" >&2
      tail -30 "$LOGS/$module.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "up: $module not ready after 90 s; see $LOGS/$module.log" >&2
  exit 1
}

build_if_missing
"$SFB_ROOT/deploy/local/postgres.sh" start
# the port the cluster really listens on, which is not BACKUP_PG_PORT when it was already running elsewhere
PG_PORT="$("$SFB_ROOT/deploy/local/postgres.sh" port)"
KEY="$(encryption_key)"
signing_key
console_password
for entry in "${SERVICES[@]}"; do start_service "${entry%%:*}" "${entry##*:}"; done
for entry in "${SERVICES[@]}"; do wait_ready "${entry%%:*}" "${entry##*:}"; done
# a token with every role for demo.sh and local tools, renewed on every start (git-ignored with the rest of .local)
(umask 077 && "$SFB_ROOT/deploy/local/token.sh" all >"$SFB_LOCAL/admin.token")

cat <<EOT

The suite is up, on 127.0.0.1 only; every /api call needs a bearer token:
  curl -H "Authorization: Bearer \$(cat .local/admin.token)" http://127.0.0.1:8081/api/v1/policies
  deploy/local/token.sh viewer [CONNECTION_ID...]   mints a token of one role, optionally limited to some orgs

  policy-service   http://127.0.0.1:8081   (API /api/v1/policies, /api/v1/connections; OpenAPI /q/openapi; UI /q/swagger-ui)
  session-service  http://127.0.0.1:8082   (API /api/v1/runs, /api/v1/sessions)
  storage-service  http://127.0.0.1:8083   (API /api/v1/repositories, /api/v1/restore-points)
  emulator         http://127.0.0.1:8089   (a demo Salesforce org: client id demo-client, secret demo-secret)
  console          http://127.0.0.1:8080   (sign in as admin, password in .local/secrets/console-admin.password)
Health: /q/health/ready on each; metrics: /q/metrics. Stop everything with deploy/local/down.sh.
EOT
