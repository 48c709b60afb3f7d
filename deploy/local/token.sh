#!/usr/bin/env bash
# Mints a bearer token for the local suite, signed with the key deploy/local/up.sh created in .local/secrets.
#   deploy/local/token.sh ROLE [ORG...]
# ROLE: viewer, operator, restore-operator, admin, all (every role), or several joined by commas; ORG: connection ids
# the token is limited to (none: every org). TOKEN_SUBJECT names the holder (default: $USER), TOKEN_LIFETIME is an
# ISO-8601 duration (default PT8H). With an identity provider, get tokens from it instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
select_jdk >/dev/null

SECRETS="$SFB_LOCAL/secrets"
jar() { ls "$SFB_ROOT"/backup-token/target/backup-token-*.jar 2>/dev/null | head -1; }

if [ -z "$(jar)" ]; then
  (cd "$SFB_ROOT" && ./mvnw -q -B install -DskipTests -pl backup-token -am) >&2 \
    || { echo "token: building backup-token failed" >&2; exit 1; }
fi

if [ "${1:-}" = "--keygen" ]; then
  mkdir -p "$SECRETS"
  exec "$JAVA_HOME/bin/java" -jar "$(jar)" keygen "$SECRETS"
fi

if [ $# -lt 1 ]; then
  sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
[ -f "$SECRETS/signing-key.pem" ] || { echo "token: no signing key yet; start the suite once with deploy/local/up.sh" >&2; exit 1; }
role="$1"; shift
exec "$JAVA_HOME/bin/java" -jar "$(jar)" mint "$SECRETS/signing-key.pem" "${TOKEN_SUBJECT:-${USER:-local-user}}" \
  "${TOKEN_LIFETIME:-PT8H}" "$role" "$@"
