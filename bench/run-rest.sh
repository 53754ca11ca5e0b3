#!/usr/bin/env bash
# REST throughput of the real server against a hand-written JDBC baseline (see bench/README.md).
# Everything runs on 127.0.0.1 and stops at the end. Settings (environment):
#   ROUNDS=3 DURATION=10 WARMUP=20 THREADS=2 CONNECTIONS=16 COMPANIES=10000 PEOPLE=50000
#   SERVER_JAVA_OPTS / BASELINE_JAVA_OPTS   extra JVM options (e.g. -XX:+FlightRecorder for profiling)
#   KEEP=1   leave both servers running after the table (for profiling); stop them with Ctrl-C
#   SKIP_BUILD=1   use the runtime jar already built (e.g. to measure a build from before a change)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
COMPANIES=${COMPANIES:-10000}
PEOPLE=${PEOPLE:-50000}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

echo "== building"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  mvn -B -o -q package -DskipTests -pl schema-compiler,runtime -am
fi
mvn -B -o -q -f bench/baseline/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
BASELINE_CP="bench/baseline/target/classes:$(cat bench/baseline/target/classpath.txt)"

WORK=$(mktemp -d /tmp/crm-bench-rest.XXXXXX)
RESULTS="$WORK/results.tsv"
# A private copy, so that a rebuild while the benchmark runs cannot pull the jar from under the server.
cp runtime/target/runtime.jar "$WORK/runtime.jar"
: > "$RESULTS"
SERVER_PID=""
BASELINE_PID=""
stop() {
  # The demo's shutdown hook stops its embedded PostgreSQL; give it time before removing the data.
  for pid in $BASELINE_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $BASELINE_PID $SERVER_PID; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  done
  rm -rf "$WORK"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Waits (at most 180 s) for a line NAME=value in a log file and prints the value.
await() {
  local name=$1 log=$2 pid=$3
  for _ in $(seq 1 180); do
    if grep -q "^$name=" "$log"; then grep "^$name=" "$log" | head -1 | cut -d= -f2-; return; fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died, see $log:" >&2; tail -40 "$log" >&2; exit 1; }
    sleep 1
  done
  echo "timed out waiting for $name in $log" >&2; exit 1
}

echo "== starting the server (demo: embedded PostgreSQL, demo workspace, API key)"
# shellcheck disable=SC2086
java ${SERVER_JAVA_OPTS:-} -jar "$WORK/runtime.jar" demo --port 0 --data-dir "$WORK/data" --fresh > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
SERVER_URL=$(await BASE_URL "$WORK/server.log" "$SERVER_PID")
API_KEY=$(await API_KEY "$WORK/server.log" "$SERVER_PID")
PG_PORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

echo "== starting the baseline"
# shellcheck disable=SC2086
java ${BASELINE_JAVA_OPTS:-} -cp "$BASELINE_CP" dev.crmschema.bench.baseline.BaselineServer --port 0 --jdbc-url "$JDBC_URL" \
  > "$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
BASELINE_URL=$(await BASELINE_URL "$WORK/baseline.log" "$BASELINE_PID")
echo "server $SERVER_URL (pid $SERVER_PID), baseline $BASELINE_URL (pid $BASELINE_PID), PostgreSQL port $PG_PORT"

get() {
  curl -sf -H "Authorization: Bearer $API_KEY" "$1"
}

# Both must answer byte for byte the same, or the comparison would not be fair.
same_answers() {
  local id
  id=$(get "$SERVER_URL/rest/companies?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  for path in "companies?limit=20" "companies/$id" "people?limit=20&depth=1"; do
    if ! cmp -s <(get "$SERVER_URL/rest/$path") <(get "$BASELINE_URL/rest/$path"); then
      echo "the baseline answers /rest/$path differently from the server; fix the baseline first" >&2; exit 1
    fi
  done
}
same_answers

echo "== seeding $COMPANIES companies and $PEOPLE people"
java -cp "$BASELINE_CP" dev.crmschema.bench.baseline.SeedData --jdbc-url "$JDBC_URL" --companies "$COMPANIES" --people "$PEOPLE"
same_answers
COMPANY_ID=$(get "$SERVER_URL/rest/companies?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)

WORKLOADS=(
  "list-20-companies|GET|/rest/companies?limit=20"
  "get-company-by-id|GET|/rest/companies/$COMPANY_ID"
  "list-20-people-depth-1|GET|/rest/people?limit=20&depth=1"
  "create-company|POST|/rest/companies"
)

# CPU time (user + system, in ms) a process has used so far.
cpu_ms() {
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / tck}' "/proc/$1/stat"
}

per_request() {
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN {printf "%.3f", (n > 0 ? (a - b) / n : 0)}'
}

# CPU time (ms) of a process's JIT compiler threads so far: a JVM still compiling pays it per request too.
jit_ms() {
  local task total=0
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) total=$((total + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  awk -v t="$total" -v tck="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t * 1000 / tck}'
}

# One wrk run against the process $5; figures go to $RESULTS (unless the label is empty: warm-up), with the
# CPU milliseconds that process spent per request appended (a figure machine noise hardly moves), and the
# part of it its JIT compilers took.
run_wrk() {
  local label=$1 method=$2 url=$3 seconds=$4 pid=$5 result=$RESULTS before after jit_before jit_after requests
  [[ -z $label ]] && result=/dev/null
  before=$(cpu_ms "$pid")
  jit_before=$(jit_ms "$pid")
  API_KEY="$API_KEY" WRK_METHOD="$method" WRK_PREFIX="bench-$RANDOM-$(date +%s%N)" WRK_LABEL="$label" WRK_RESULT="$result" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s bench/rest/workload.lua "$url" > "$WORK/wrk.out" 2>&1 \
    || { cat "$WORK/wrk.out" >&2; exit 1; }
  after=$(cpu_ms "$pid")
  jit_after=$(jit_ms "$pid")
  if [[ -n $label ]]; then
    requests=$(tail -1 "$RESULTS" | cut -f4)
    sed -i "\$ s/\$/\t$(per_request "$before" "$after" "$requests")\t$(per_request "$jit_before" "$jit_after" "$requests")/" "$RESULTS"
  fi
}

echo "== measuring: $ROUNDS rounds x ${DURATION}s per side and workload, wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s"
for workload in "${WORKLOADS[@]}"; do
  IFS='|' read -r name method path <<< "$workload"
  run_wrk "" "$method" "$SERVER_URL$path" "$WARMUP" "$SERVER_PID"
  run_wrk "" "$method" "$BASELINE_URL$path" "$WARMUP" "$BASELINE_PID"
  for round in $(seq 1 "$ROUNDS"); do
    # Alternate who goes first, so a drift in machine load hits both sides alike.
    if (( round % 2 == 1 )); then sides="server baseline"; else sides="baseline server"; fi
    for side in $sides; do
      if [[ $side == server ]]; then base=$SERVER_URL; pid=$SERVER_PID; else base=$BASELINE_URL; pid=$BASELINE_PID; fi
      run_wrk "$name	$side	$round" "$method" "$base$path" "$DURATION" "$pid"
      tail -1 "$RESULTS" | awk -F'\t' '{printf "  %-24s %-8s round %s: %8.0f rps  p50 %7.2f ms  p99 %8.2f ms  errors %d  cpu %6.3f ms/request (JIT %5.3f)\n", $1, $2, $3, $5, $6, $7, $8 + $9, $10, $11}'
    done
  done
done

echo
echo "== REST throughput, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   $(java -version 2>&1 | head -1); $COMPANIES companies, $PEOPLE people; wrk -t$THREADS -c$CONNECTIONS, $ROUNDS x ${DURATION}s per side"
echo
java bench/rest/RestReport.java "$RESULTS"

if [[ ${KEEP:-0} == 1 ]]; then
  echo "KEEP=1: server pid $SERVER_PID at $SERVER_URL, baseline pid $BASELINE_PID at $BASELINE_URL, API_KEY=$API_KEY"
  echo "Ctrl-C stops both."
  wait "$SERVER_PID"
fi
