#!/usr/bin/env bash
# Backs up the same generated file set with this repository format, restic and borg, then changes 10% of the files and
# backs up again. Prints throughput of both backups and bytes stored for each tool.
#   storage-service/bench/files-bench.sh [GiB (default 1)] [work dir (default /tmp/sfbackup-files-bench)]
# SFBACKUP_JAVA_OPTS adds JVM options to the sfbackup runs (e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr).
# Needs: restic and borgbackup (apt-get install -y restic borgbackup), GNU time (/usr/bin/time), bc, python3, the module's test classes (built here).
set -euo pipefail
GIB="${1:-1}"
WORK="${2:-/tmp/sfbackup-files-bench}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"

rm -rf "$WORK" && mkdir -p "$WORK"
DATA="$WORK/data"

echo "== building test classes and classpath"
(cd "$ROOT" && ./mvnw -q -B test-compile -pl storage-service && \
  ./mvnw -q -B dependency:build-classpath -pl storage-service -Dmdep.outputFile="$WORK/cp.txt") >/dev/null
# a private copy, so a concurrent build of the module cannot change classes under the running bench
cp -r "$HERE/target/classes" "$WORK/classes" && cp -r "$HERE/target/test-classes" "$WORK/test-classes"
CP="$WORK/classes:$WORK/test-classes:$(cat "$WORK/cp.txt")"

echo "== generating ${GIB} GiB of mixed binary files in $DATA"
python3 - "$DATA" "$GIB" <<'PY'
import os, random, sys, base64, json
root, gib = sys.argv[1], float(sys.argv[2])
os.makedirs(root, exist_ok=True)
rnd = random.Random(7)
total, target, i = 0, int(gib * 1024**3), 0
while total < target:
    size = min(rnd.choice([256 << 10, 1 << 20, 3 << 20, 8 << 20, 24 << 20, 64 << 20]), target - total)
    kind = i % 4
    if kind == 0:   # already compressed (images, zip, pdf streams): incompressible
        body = os.urandom(size)
    elif kind == 1: # base64 text (e-mail attachments, exports): partly compressible
        body = base64.b64encode(os.urandom(size * 3 // 4 + 3))[:size]
    elif kind == 2: # JSON / CSV-like records: very compressible
        line = lambda n: json.dumps({"Id": "001%012d" % n, "Name": "Account %d" % rnd.randint(0, 10**6), "Amount": rnd.random()}).encode() + b"\n"
        parts, have, n = [], 0, 0
        while have < size:
            l = line(n); parts.append(l); have += len(l); n += 1
        body = b"".join(parts)[:size]
    else:           # binary with repeated blocks (office documents, versions of the same file)
        block = os.urandom(64 << 10)
        body = (block * (size // len(block) + 1))[:size]
        body = bytes(body[:size // 2]) + os.urandom(size - size // 2)
    with open(os.path.join(root, "file-%04d.bin" % i), "wb") as f:
        f.write(body)
    total += size; i += 1
print("generated %d files, %d bytes" % (i, total))
PY
BYTES=$(du -sb "$DATA" | cut -f1)

change_ten_percent() {
python3 - "$DATA" <<'PY'
import os, sys, random
root = sys.argv[1]
files = sorted(os.listdir(root)); rnd = random.Random(11)
changed = rnd.sample(files, max(1, len(files) // 10))
for name in changed:
    path = os.path.join(root, name); size = os.path.getsize(path)
    with open(path, "r+b") as f:   # overwrite 64 KiB in the middle: an edited document
        f.seek(size // 2); f.write(os.urandom(min(64 << 10, size - size // 2)))
print("changed %d of %d files" % (len(changed), len(files)))
PY
}

declare -A FIRST SECOND STORED1 STORED2
# prints the wall seconds; leaves the CPU seconds (user + system) in $WORK/last.cpu (the machine may be shared: CPU time
# says how much work a tool did, wall time how fast it was on this machine at that moment)
timed() {
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%U + %S" -o "$WORK/last.time" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { cat "$WORK/last.err"; exit 1; }
  end=$(date +%s.%N)
  echo "$(cat "$WORK/last.time")" | bc > "$WORK/last.cpu"
  echo "$end - $start" | bc
}

export RESTIC_PASSWORD=bench BORG_PASSPHRASE=bench BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes BORG_RELOCATED_REPO_ACCESS_IS_OK=yes
restic init -q -r "$WORK/restic" >/dev/null
borg init -e repokey "$WORK/borg" >/dev/null 2>&1

run_all() {
  local round=$1
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  T=$(timed "$JAVA" -Xmx256m ${SFBACKUP_JAVA_OPTS:-} -cp "$CP" dev.sfbackup.storage.repository.bench.FilesBench backup "$WORK/sfbackup" "$DATA")
  # FilesBench also reports its store loop alone: a running storage-service has its JVM started and repository open
  eval "${round}[sfbackup-store]=$(sed -n 's/.* seconds=\([0-9.]*\) .*/\1/p' "$WORK/last.out")"
  eval "${round}[sfbackup]=$T"; eval "CPU_${round}_sfbackup=$(cat "$WORK/last.cpu")"; eval "STORED_${round}_sfbackup=$(du -sb "$WORK/sfbackup" | cut -f1)"
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  # --force / --files-cache=disabled: re-read every file like sfbackup does (no file-level skip by mtime/size)
  T=$(timed restic -q -r "$WORK/restic" backup --force "$DATA")
  eval "${round}[restic]=$T"; eval "CPU_${round}_restic=$(cat "$WORK/last.cpu")"; eval "STORED_${round}_restic=$(du -sb "$WORK/restic" | cut -f1)"
  sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true
  T=$(timed borg create --files-cache=disabled "$WORK/borg::$round" "$DATA")
  eval "${round}[borg]=$T"; eval "CPU_${round}_borg=$(cat "$WORK/last.cpu")"; eval "STORED_${round}_borg=$(du -sb "$WORK/borg" | cut -f1)"
}

echo "== first backup"
run_all FIRST
change_ten_percent
echo "== second backup (10% of files changed)"
run_all SECOND

echo
echo "(second backups re-read every file: restic --force, borg --files-cache=disabled)"
echo "data set: $BYTES bytes ($(ls "$DATA" | wc -l) files); restic $(restic version | cut -d' ' -f2) (compression auto=zstd), borg $(borg --version | cut -d' ' -f2) (default lz4), sfbackup (zstd-1, 1 MiB FastCDC)"
printf "%-10s %10s %10s %10s %10s %16s %16s\n" tool "1st MiB/s" "1st CPU s" "2nd MiB/s" "2nd CPU s" "stored after 1st" "stored after 2nd"
for tool in sfbackup restic borg; do
  s1=$(eval echo "\${STORED_FIRST_${tool}}"); s2=$(eval echo "\${STORED_SECOND_${tool}}")
  c1=$(eval echo "\${CPU_FIRST_${tool}}"); c2=$(eval echo "\${CPU_SECOND_${tool}}")
  printf "%-10s %10.1f %10.1f %10.1f %10.1f %16d %16d\n" "$tool" \
    "$(echo "$BYTES / 1048576 / ${FIRST[$tool]}" | bc -l)" "$c1" "$(echo "$BYTES / 1048576 / ${SECOND[$tool]}" | bc -l)" "$c2" "$s1" "$s2"
done
printf "%-10s %10.1f %10s %10.1f %10s   (store loop only: without JVM start and repository open)\n" "sfbackup" \
  "$(echo "$BYTES / 1048576 / ${FIRST[sfbackup-store]}" | bc -l)" "" "$(echo "$BYTES / 1048576 / ${SECOND[sfbackup-store]}" | bc -l)" ""
ratio() { echo "scale=2; $1 / $2" | bc -l; }
echo "sfbackup / restic: 1st throughput $(ratio "${FIRST[restic]}" "${FIRST[sfbackup]}")x," \
  "2nd throughput $(ratio "${SECOND[restic]}" "${SECOND[sfbackup]}")x," \
  "1st CPU $(ratio "$CPU_FIRST_sfbackup" "$CPU_FIRST_restic")x, stored after 2nd $(ratio "$STORED_SECOND_sfbackup" "$STORED_SECOND_restic")x"
echo "sfbackup store loop / restic: 1st throughput $(ratio "${FIRST[restic]}" "${FIRST[sfbackup-store]}")x," \
  "2nd throughput $(ratio "${SECOND[restic]}" "${SECOND[sfbackup-store]}")x"
