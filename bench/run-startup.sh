#!/usr/bin/env bash
# Start-up time and memory of the server against the number of workspaces, with identical models (all
# standard objects: one model) and with distinct models (each its own custom fields: one model each).
# See bench/README.md. Needs psql (apt-get install -y postgresql-client). Settings (environment):
#   IDENTICAL_COUNTS="1 10 100 1000"   workspace counts with identical models ("" skips them)
#   DISTINCT_COUNTS="1 10 100 1000"    workspace counts with distinct models ("" skips them)
#   START_TIMEOUT=7200                 seconds one start may take before the run gives up
#   OUT=DIR                            where the table goes (default bench/target/startup)
#   SKIP_BUILD=1                       use the runtime jar already built
#   SERVER_JAVA_OPTS                   extra JVM options for the server (they win over the heap below)
# Each distinct model keeps about 7 MB of heap: when the JVM's default maximum (a quarter of the memory)
# is less than 1 GB + 10 MB per distinct model, the start gets -Xmx for that.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

IDENTICAL_COUNTS=${IDENTICAL_COUNTS-1 10 100 1000}
DISTINCT_COUNTS=${DISTINCT_COUNTS-1 10 100 1000}
START_TIMEOUT=${START_TIMEOUT:-7200}
OUT=${OUT:-bench/target/startup}

command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  mvn -B -o -q package -DskipTests -pl schema-compiler,runtime -am
fi
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/crm-bench-startup.XXXXXX)
# A private copy, so that a rebuild during the (long) run cannot pull the jar from under it.
cp runtime/target/runtime.jar "$WORK/runtime.jar"
mapfile -t SOURCES < <(find bench/growth/src -name '*.java')
javac -Xlint:all -Werror --release 17 -cp "$WORK/runtime.jar" -d "$WORK/classes" "${SOURCES[@]}"
TOOLS_CP="$WORK/classes:$WORK/runtime.jar"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

HOLDER_PID=""
SERVER_PID=""
stop() {
  stop_process "$SERVER_PID"
  stop_process "$HOLDER_PID"
  rm -rf "$WORK"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Waits (at most $3 seconds) for a line matching the pattern $2 in the log $1 of process $4 and sets LINE
# to it. It runs in this shell, not in a $(...) subshell, so that an interrupt stops the script within a second.
await_line() {
  local log=$1 pattern=$2 seconds=$3 pid=$4
  for _ in $(seq 1 "$seconds"); do
    if grep -q "$pattern" "$log"; then LINE=$(grep "$pattern" "$log" | head -1); return; fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died, see $log:" >&2; tail -40 "$log" >&2; exit 1; }
    sleep 1
  done
  echo "timed out waiting for '$pattern' in $log" >&2; exit 1
}

echo "== starting embedded PostgreSQL"
java -cp "$TOOLS_CP" dev.crmschema.bench.growth.PostgresHolder "$WORK/postgres" > "$WORK/postgres.log" 2>&1 &
HOLDER_PID=$!
await_line "$WORK/postgres.log" '^JDBC_URL=' 120 "$HOLDER_PID"
PG_PORT=$(sed -E 's#.*:([0-9]+)/.*#\1#' <<< "$LINE")
sql() {
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -AtqX -v ON_ERROR_STOP=1 -c "$1"
}

# The -Xmx option a start with $2 workspaces of $1 models needs, if the JVM's default maximum heap is too small.
heap_for() {
  local needed_mb default_mb
  [[ $1 == distinct ]] || return 0
  needed_mb=$((1024 + 10 * $2))
  default_mb=$(awk '/^MemTotal:/ {printf "%d", $2 / 1024 / 4}' /proc/meminfo)
  if (( needed_mb > default_mb )); then echo "-Xmx${needed_mb}m"; fi
}

# Starts the server on $1 with API key $2 for $3 models and $4 workspaces; sets STARTED_MS (from the JVM's
# start to the first answered request) and leaves it running as SERVER_PID.
start_server() {
  local database=$1 key=$2 models=$3 count=$4 t0 port
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  java $(heap_for "$models" "$count") ${SERVER_JAVA_OPTS:-} -jar "$WORK/runtime.jar" server "$WORK/config.yml" \
    > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  # Every workspace is loaded before the HTTP connector starts; the first answered request ends the start.
  await_line "$WORK/server.log" 'Started application@' "$START_TIMEOUT" "$SERVER_PID"
  port=$(sed -E 's#.*127\.0\.0\.1:([0-9]+)\}.*#\1#' <<< "$LINE")
  for attempt in $(seq 1 120); do
    curl -sf -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:$port/rest/companies?limit=1" && break
    (( attempt < 120 )) || { echo "the server on $database never answered, see $WORK/server.log" >&2; exit 1; }
    sleep 0.5
  done
  STARTED_MS=$((($(date +%s%N) - t0) / 1000000))
}

# On a database with $2 workspaces of $1 models: creation time; a first start, which compiles every model
# and keeps the classes in an empty class cache: its time, resident set and heap after a full GC; and a
# restart, which loads the classes from that cache: its time.
measure() {
  local models=$1 count=$2 database="startup_$1_$2" created_ms started_ms restarted_ms t0 key rss_heap
  sql "DROP DATABASE IF EXISTS $database" > /dev/null
  sql "CREATE DATABASE $database" > /dev/null
  t0=$(date +%s%N)
  java -cp "$TOOLS_CP" dev.crmschema.bench.growth.CreateWorkspaces "jdbc:postgresql://127.0.0.1:$PG_PORT/$database" "$count" "$models" \
    > "$WORK/create.log" 2>&1 || { tail -20 "$WORK/create.log" >&2; exit 1; }
  created_ms=$((($(date +%s%N) - t0) / 1000000))
  key=$(grep '^API_KEY=' "$WORK/create.log" | cut -d= -f2-)
  rm -rf "$WORK/model-classes"
  cat > "$WORK/config.yml" <<EOF
modelClassCache: $WORK/model-classes
database:
  url: jdbc:postgresql://127.0.0.1:$PG_PORT/$database
  user: postgres
  password: ""
server:
  applicationConnectors:
    - {type: http, bindHost: 127.0.0.1, port: 0}
  adminConnectors:
    - {type: http, bindHost: 127.0.0.1, port: 0}
logging:
  level: INFO
EOF
  start_server "$database" "$key" "$models" "$count"
  started_ms=$STARTED_MS
  rss_heap=$(memory_of "$SERVER_PID")
  stop_process "$SERVER_PID"
  start_server "$database" "$key" "$models" "$count"
  restarted_ms=$STARTED_MS
  stop_process "$SERVER_PID"
  SERVER_PID=""
  sql "DROP DATABASE $database" > /dev/null
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$models" "$count" "$created_ms" "$started_ms" "$restarted_ms" "$rss_heap" >> "$RESULTS"
  tail -1 "$RESULTS" | awk -F'\t' '{printf "  %-9s %5d workspaces: created in %6.1f s, started in %6.1f s, restarted in %6.1f s, RSS %5d MB, heap after GC %5d MB\n", $1, $2, $3 / 1000, $4 / 1000, $5 / 1000, $6, $7}'
}

for count in $IDENTICAL_COUNTS; do measure identical "$count"; done
for count in $DISTINCT_COUNTS; do measure distinct "$count"; done

{
  echo "Start-up against workspaces, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| models | workspaces | distinct models | create s | start-up s | restart s (class cache) | RSS MB | heap after GC MB | heap per added workspace MB (vs 1) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '
    $2 == 1 {first[$1] = $7}
    {
      per = ($2 > 1 && ($1 in first)) ? sprintf("%.2f", ($7 - first[$1]) / ($2 - 1)) : "-"
      printf "| %s | %d | %d | %.1f | %.1f | %.1f | %d | %d | %s |\n", $1, $2, ($1 == "identical" ? 1 : $2), $3 / 1000, $4 / 1000, $5 / 1000, $6, $7, per
    }' "$RESULTS"
  echo
  echo "Start-up: from the JVM's start to the first answered request (every workspace is loaded before the HTTP"
  echo "connector opens). Distinct models are compiled at start (generated code and javac, per model); identical"
  echo "models share one compilation. The first start fills an empty class cache (modelClassCache); the restart"
  echo "loads every model's classes from it instead of running javac."
} > "$OUT/report.md"
echo
cat "$OUT/report.md"
