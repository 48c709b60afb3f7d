#!/usr/bin/env bash
# The quickstart: starts the suite on embedded defaults (private PostgreSQL, emulated org), then backs up the demo
# org twice: an initial run, a change in the org, an incremental run. Prints what each run did. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
command -v jq >/dev/null || { echo "demo: needs jq (apt-get install jq)" >&2; exit 1; }

POLICY=http://127.0.0.1:8081 SESSION=http://127.0.0.1:8082 STORAGE=http://127.0.0.1:8083 EMULATOR=http://127.0.0.1:8089

"$SFB_ROOT/deploy/local/up.sh"
TOKEN="$(cat "$SFB_LOCAL/admin.token")"

call() { # method url [json body]: prints the response body, fails loudly with it on an HTTP error
  local out status
  out=$(mktemp)
  status=$(curl -sS -o "$out" -w '%{http_code}' -X "$1" "$2" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${3:+-d "$3"})
  if [ "$status" -ge 400 ]; then echo "demo: $1 $2 answered $status:" >&2; cat "$out" >&2; echo >&2; rm -f "$out"; exit 1; fi
  cat "$out"; rm -f "$out"
}

# find-or-create by name, so a second demo reuses the repository and connection the first one made
find_id() { call GET "$1" | jq -r --arg n "$2" '(if type == "array" then . else .items end)[] | select(.name == $n) | .id' | head -1; }

ensure() { # url name json
  local id
  id=$(find_id "$1" "$2")
  [ -n "$id" ] || id=$(call POST "$1" "$3" | jq -r .id)
  echo "$id"
}

repository=$(ensure "$STORAGE/api/v1/repositories" demo-local \
  "{\"name\":\"demo-local\",\"kind\":\"LOCAL\",\"path\":\"$SFB_LOCAL/repositories/demo\"}")
connection=$(ensure "$POLICY/api/v1/connections" demo-org \
  '{"name":"demo-org","loginUrl":"http://127.0.0.1:8089","apiVersion":"62.0","flow":"CLIENT_CREDENTIALS","clientId":"demo-client","clientSecret":"demo-secret"}')
# a new policy for every demo, so its first run is INITIAL: the emulated org starts from the same seed whenever the
# emulator starts, so an earlier demo's restore points would already hold this demo's inserts and deletions
name="demo-policy-$(date -u +%Y%m%dT%H%M%SZ)"
policy=$(call POST "$POLICY/api/v1/policies" \
  "{\"name\":\"$name\",\"connectionId\":\"$connection\",\"repositoryId\":\"$repository\",\"retentionDays\":30}" | jq -r .id)
echo "demo: repository $repository, connection $connection, policy $policy"

run_and_report() {
  local run status
  run=$(call POST "$POLICY/api/v1/policies/$policy/runs" | jq -r .id)
  echo
  echo "demo: run $run started"
  for _ in $(seq 1 600); do
    status=$(call GET "$SESSION/api/v1/runs/$run")
    [ "$(jq -r .endedAt <<<"$status")" != null ] && break
    sleep 1
  done
  jq -r '"run \(.id): \(.kind) \(.status), \(.startedAt) → \(.endedAt)"' <<<"$status"
  printf '  %-9s %-8s %-30s %9s %7s %8s %8s %10s %12s %5s\n' session status label read new changed deleted unchanged bytes api
  for session in $(jq -r '.sessions[].id' <<<"$status"); do
    call GET "$SESSION/api/v1/sessions/$session" | jq -r '[.type, .status, (.label // "-"), .counters.recordsRead,
      .counters.recordsNew, .counters.recordsChanged, .counters.recordsDeleted, .counters.recordsUnchanged,
      .counters.bytes, .counters.apiCalls] | @tsv' |
      while IFS=$'\t' read -r t s l r n c d u b a; do
        printf '  %-9s %-8s %-30.30s %9s %7s %8s %8s %10s %12s %5s\n' "$t" "$s" "$l" "$r" "$n" "$c" "$d" "$u" "$b" "$a"
      done
  done
}

run_and_report

echo
echo "demo: changing the org: 10 Accounts updated, 2 deleted, 5 inserted; 20 Contacts updated"
call POST "$EMULATOR/emulator/admin/mutate" '{"object":"Account","update":10,"delete":2,"insert":5}' >/dev/null
call POST "$EMULATOR/emulator/admin/mutate" '{"object":"Contact","update":20}' >/dev/null

run_and_report

echo
echo "demo: restore points of the policy (newest first):"
call GET "$STORAGE/api/v1/restore-points?policyId=$policy&size=12" |
  jq -r '.items[] | "  \(.createdAt)  \(.kind)  \(.object // "(files/metadata)")  new=\(.counters.recordsNew) changed=\(.counters.recordsChanged) deleted=\(.counters.recordsDeleted)"'
cat <<EOT

Browse on: $STORAGE/api/v1/restore-points?policyId=$policy
           $SESSION/api/v1/sessions?policyId=$policy
           (with -H "Authorization: Bearer \$(cat .local/admin.token)")
Console:   http://127.0.0.1:8080 (user admin, password: cat .local/secrets/console-admin.password)
Stop with: deploy/local/down.sh
EOT
