#!/usr/bin/env bash
# REST and GraphQL throughput of the real server against a hand-written JDBC baseline, SQL statements per
# request, memory after load, and list latency as the table grows (see bench/README.md). Everything runs
# on 127.0.0.1 and stops at the end. Needs wrk, jq and psql (apt-get install -y wrk jq postgresql-client).
# Settings (environment):
#   ROUNDS=3 DURATION=10 THREADS=2 CONNECTIONS=16
#   WARMUP=30 WARMUP_SLICE=10 WARMUP_MAX=300 JIT_QUIET=3   each side warms up on each workload for WARMUP
#                     seconds, then for more slices of WARMUP_SLICE seconds until its JIT compilers used
#                     less than JIT_QUIET % of one core during a slice, or WARMUP_MAX seconds have passed
#   COMPANIES=10000 PEOPLE=50000 OPPORTUNITIES=20000
#   WORKLOADS="..."   names of the workloads to run (default: all, see WORKLOAD_LIST below)
#   ROW_SIZES="10000 100000 1000000"   companies in the table for the list-latency growth ("" skips it)
#   ROW_DURATION=10   seconds per side and size, after ROW_WARMUP=5 seconds of the same load
#   OUT=DIR           where the tables go (default bench/target/api); the report is OUT/report.md
#   SERVER_JAVA_OPTS / BASELINE_JAVA_OPTS   extra JVM options (e.g. -XX:+FlightRecorder for profiling)
#   KEEP=1            leave both servers running after the tables (for profiling); stop them with Ctrl-C
#   SKIP_BUILD=1      use the runtime jar already built (e.g. to measure a build from before a change)
#   CITY_INDEX=1      declare an index on company address.addressCity by metadata import after seeding, as an
#                     operator would for a frequent filter (both sides use it); 0 leaves the filter unindexed
#   BASELINE_CACHE_KEYS=true   the baseline reads each key's row once and keeps it, as the server does
#                     (default: it reads the key on every request, as a minimal server does)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
source bench/lib.sh

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-30}
WARMUP_SLICE=${WARMUP_SLICE:-10}
WARMUP_MAX=${WARMUP_MAX:-300}
JIT_QUIET=${JIT_QUIET:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
COMPANIES=${COMPANIES:-10000}
PEOPLE=${PEOPLE:-50000}
OPPORTUNITIES=${OPPORTUNITIES:-20000}
ROW_SIZES=${ROW_SIZES-10000 100000 1000000}
ROW_DURATION=${ROW_DURATION:-10}
ROW_WARMUP=${ROW_WARMUP:-5}
OUT=${OUT:-bench/target/api}

for tool in wrk jq psql; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y wrk jq postgresql-client" >&2; exit 1; }
done

echo "== building"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  mvn -B -o -q package -DskipTests -pl schema-compiler,runtime -am
fi
mvn -B -o -q -f bench/baseline/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
BASELINE_CP="bench/baseline/target/classes:$(cat bench/baseline/target/classpath.txt)"

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/crm-bench-api.XXXXXX)
RESULTS="$OUT/results.tsv"
MEMORY="$OUT/memory.tsv"
ROWS="$OUT/rows.tsv"
: > "$RESULTS"
: > "$MEMORY"
: > "$ROWS"
# A private copy, so that a rebuild while the benchmark runs cannot pull the jar from under the server.
cp runtime/target/runtime.jar "$WORK/runtime.jar"
SERVER_PID=""
BASELINE_PID=""

stop() {
  stop_process "$BASELINE_PID"
  stop_process "$SERVER_PID"
  rm -rf "$WORK"
}
trap stop EXIT
trap 'exit 130' INT TERM

# Waits (at most 300 s) for a line NAME=value in a log file and sets VALUE to the value. It runs in this
# shell, not in a $(...) subshell, so that an interrupt stops the script within a second.
await() {
  local name=$1 log=$2 pid=$3
  for _ in $(seq 1 300); do
    if grep -q "^$name=" "$log"; then VALUE=$(grep "^$name=" "$log" | head -1 | cut -d= -f2-); return; fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid died, see $log:" >&2; tail -40 "$log" >&2; exit 1; }
    sleep 1
  done
  echo "timed out waiting for $name in $log" >&2; exit 1
}

start_server() {
  # shellcheck disable=SC2086
  java ${SERVER_JAVA_OPTS:-} -jar "$WORK/runtime.jar" demo --port 0 --data-dir "$WORK/data" "$@" > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  await BASE_URL "$WORK/server.log" "$SERVER_PID"
  SERVER_URL=$VALUE
  await API_KEY "$WORK/server.log" "$SERVER_PID"
  API_KEY=$VALUE
  PG_PORT=$(sed -n 4p "$WORK/data/postgres/postmaster.pid")
}

sql() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -AtqX -v ON_ERROR_STOP=1 -c "$1"
}

echo "== starting the server (demo: embedded PostgreSQL, demo workspace, API key)"
start_server --fresh
# pg_stat_statements counts the SQL statements per request; it must be loaded when PostgreSQL starts, so
# the first start only creates the cluster and the demo workspace, and the second one loads it.
sql "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" > /dev/null
stop_process "$SERVER_PID"
echo "== restarting it with pg_stat_statements"
start_server
sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" > /dev/null
JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"

echo "== starting the baseline"
# shellcheck disable=SC2086
java ${BASELINE_JAVA_OPTS:-} -cp "$BASELINE_CP" dev.crmschema.bench.baseline.BaselineServer --port 0 --jdbc-url "$JDBC_URL" \
  --cache-keys "${BASELINE_CACHE_KEYS:-false}" > "$WORK/baseline.log" 2>&1 &
BASELINE_PID=$!
await BASELINE_URL "$WORK/baseline.log" "$BASELINE_PID"
BASELINE_URL=$VALUE
echo "server $SERVER_URL (pid $SERVER_PID), baseline $BASELINE_URL (pid $BASELINE_PID), PostgreSQL port $PG_PORT"

get() {
  curl -sf -H "Authorization: Bearer $API_KEY" "$1"
}

post() {
  curl -sf -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' --data-binary "@$2" "$1"
}

# The request body of a GraphQL operation of bench/api/graphql/, with its variables.
graphql_body() {
  jq -nc --rawfile query "bench/api/graphql/$1.graphql" --arg name "$2" --argjson variables "$3" \
    '{operationName: $name, query: $query, variables: $variables}'
}

# A JSON array of 60 records {"name": "@NAME@"}; workload.lua gives each a unique name.
sixty_names() {
  jq -nc '[range(60) | {name: "@NAME@"}]'
}

BODIES="$WORK/bodies"
mkdir -p "$BODIES"
echo '{"name":"@NAME@"}' > "$BODIES/rest-create-company.json"
sixty_names > "$BODIES/rest-batch-create-60.json"
graphql_body list-companies ListCompanies '{}' > "$BODIES/gql-list-20-companies.json"
graphql_body people-with-company PeopleWithCompany '{}' > "$BODIES/gql-20-people-with-company.json"
graphql_body companies-nested CompaniesNested '{}' > "$BODIES/gql-nested-companies-people-opportunities.json"
graphql_body create-company CreateCompany '{"data": {"name": "@NAME@"}}' > "$BODIES/gql-create-company.json"
graphql_body create-companies CreateCompanies "{\"data\": $(sixty_names)}" > "$BODIES/gql-create-companies-60.json"
CITY_FILTER="filter=address.addressCity%5Beq%5D:City%207"

# The workloads as name|method|path|body (a file of $BODIES for POST). Reads first: the writes grow the table.
workload_list() {
  local company_id cursor after=""
  company_id=$(get "$SERVER_URL/rest/companies?limit=1" | jq -r '.data.companies[0].id')
  # The second page of the city's companies (before seeding there are none, so no cursor either).
  cursor=$(get "$SERVER_URL/rest/companies?limit=20&$CITY_FILTER" | jq -r '.pageInfo.endCursor // empty')
  [[ -n $cursor ]] && after="&starting_after=$cursor"
  graphql_body company-by-id CompanyById "{\"id\": \"$company_id\"}" > "$BODIES/gql-company-by-id.json"
  cat <<EOF
rest-list-20-companies|GET|/rest/companies?limit=20|
rest-get-company-by-id|GET|/rest/companies/$company_id|
rest-list-20-people-depth-1|GET|/rest/people?limit=20&depth=1|
rest-filter-city-cursor|GET|/rest/companies?limit=20&$CITY_FILTER$after|
gql-list-20-companies|POST|/graphql|gql-list-20-companies.json
gql-company-by-id|POST|/graphql|gql-company-by-id.json
gql-20-people-with-company|POST|/graphql|gql-20-people-with-company.json
gql-nested-companies-people-opportunities|POST|/graphql|gql-nested-companies-people-opportunities.json
rest-create-company|POST|/rest/companies|rest-create-company.json
rest-batch-create-60|POST|/rest/batch/companies|rest-batch-create-60.json
gql-create-company|POST|/graphql|gql-create-company.json
gql-create-companies-60|POST|/graphql|gql-create-companies-60.json
EOF
}

# Both sides must answer every read byte for byte alike, and every write without errors, or the
# comparison would not be fair.
same_answers() {
  local name method path body url answer
  while IFS='|' read -r name method path body; do
    for url in "$SERVER_URL" "$BASELINE_URL"; do
      if [[ $method == GET ]]; then answer=$(get "$url$path" || true); else answer=$(post "$url$path" "$BODIES/$body" || true); fi
      if [[ -z $answer ]] || jq -e 'type == "object" and has("errors")' <<< "$answer" > /dev/null; then
        echo "$name failed on $url: $answer" >&2; exit 1
      fi
      if [[ $method == GET || $path == /graphql && $name != *create* ]]; then
        echo "$answer" > "$WORK/answer-$([[ $url == "$SERVER_URL" ]] && echo server || echo baseline)"
      fi
    done
    if [[ -f $WORK/answer-server ]] && ! cmp -s "$WORK/answer-server" "$WORK/answer-baseline"; then
      echo "the baseline answers $name differently from the server; fix the baseline first" >&2
      diff <(jq . "$WORK/answer-server") <(jq . "$WORK/answer-baseline") | head -20 >&2
      exit 1
    fi
    rm -f "$WORK/answer-server" "$WORK/answer-baseline"
  done < <(workload_list)
}
same_answers

echo "== seeding $COMPANIES companies, $PEOPLE people and $OPPORTUNITIES opportunities"
java -cp "$BASELINE_CP" dev.crmschema.bench.baseline.SeedData --jdbc-url "$JDBC_URL" --companies "$COMPANIES" --people "$PEOPLE" \
  --opportunities "$OPPORTUNITIES"
# The filtered workload's column gets an index, as an operator would declare one for a filter the API serves
# often: the exported metadata plus one file, imported. Both sides read the same table, so both use it.
if [[ ${CITY_INDEX:-1} == 1 ]]; then
  echo "== declaring an index on company address.addressCity (metadata export, one file added, import)"
  get "$SERVER_URL/rest/metadata/export" \
    | jq '{files: (.files + {"bench/indexes.yaml": "indexes:\n  - {object: company, fields: [address.addressCity]}\n"})}' \
    > "$WORK/import.json"
  # Not through post(): a refused import must show the server's diagnostics, not just stop the run.
  answer=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
    --data-binary "@$WORK/import.json" "$SERVER_URL/rest/metadata/import")
  if [[ ${answer##*$'\n'} != 200 ]]; then
    echo "the server refused the index (HTTP ${answer##*$'\n'}): ${answer%$'\n'*}" >&2
    exit 1
  fi
  jq -r '"   metadata version \(.version)"' <<< "${answer%$'\n'*}"
  sql "ANALYZE \"$(sql "SELECT schema_name FROM core.workspace WHERE name = 'demo'")\".company" > /dev/null
fi
same_answers
WORKLOAD_LIST=$(workload_list)

# CPU time (user + system, in ms) a process has used so far.
cpu_ms() {
  awk -v tck="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / tck}' "/proc/$1/stat"
}

per_request() {
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN {printf "%.3f", (n > 0 ? (a - b) / n : 0)}'
}

# CPU time (ms) PostgreSQL has used so far: the postmaster, the backends and other processes it runs, and
# those that have exited (the kernel adds a reaped child's time to its parent's).
postgres_cpu_ms() {
  local postmaster child total
  postmaster=$(head -1 "$WORK/data/postgres/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")
  for child in $(pgrep -P "$postmaster"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$total" -v tck="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t * 1000 / tck}'
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

# SQL statements PostgreSQL has run so far (BEGIN and COMMIT included); only one side runs at a time.
statements() {
  sql "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements"
}

# One wrk run against the process $5; figures go to $6 (unless the label is empty: warm-up), with the CPU
# milliseconds that process spent per request appended (a figure machine noise hardly moves), the part of
# it its JIT compilers took, the SQL statements per request and PostgreSQL's CPU milliseconds per request.
run_wrk() {
  local label=$1 method=$2 url=$3 seconds=$4 pid=$5 result=$6 body=$7 before after jit_before jit_after sql_before sql_after \
    pg_before pg_after requests
  [[ -z $label ]] && result=/dev/null
  before=$(cpu_ms "$pid")
  jit_before=$(jit_ms "$pid")
  pg_before=$(postgres_cpu_ms)
  sql_before=$(statements)
  API_KEY="$API_KEY" WRK_METHOD="$method" WRK_BODY_FILE="$BODIES/$body" WRK_PREFIX="bench-$RANDOM-$(date +%s%N)" \
    WRK_LABEL="$label" WRK_RESULT="$result" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s -s bench/api/workload.lua "$url" > "$WORK/wrk.out" 2>&1 \
    || { cat "$WORK/wrk.out" >&2; exit 1; }
  sql_after=$(statements)
  pg_after=$(postgres_cpu_ms)
  after=$(cpu_ms "$pid")
  jit_after=$(jit_ms "$pid")
  if [[ -n $label ]]; then
    requests=$(tail -1 "$result" | cut -f4)
    # The two statements() queries run outside the measured window's requests: take them off.
    sql_after=$((sql_after - 1))
    sed -i "\$ s/\$/\t$(per_request "$before" "$after" "$requests")\t$(per_request "$jit_before" "$jit_after" "$requests")\t$(per_request "$sql_before" "$sql_after" "$requests")\t$(per_request "$pg_before" "$pg_after" "$requests")/" "$result"
  fi
}

# Warms the process $3 up on one workload until its JIT compilers go quiet (see JIT_QUIET) and prints the
# seconds it took. The server's request path is deep (Jetty, Jersey, jOOQ, graphql-java): on two shared
# cores its C2 compiler needs minutes of load, and a JVM still compiling runs at half speed or worse.
warm_up() {
  local method=$1 url=$2 pid=$3 body=$4 seconds=$WARMUP slice=$WARMUP jit_before jit_after
  while :; do
    jit_before=$(jit_ms "$pid")
    run_wrk "" "$method" "$url" "$slice" "$pid" /dev/null "$body"
    jit_after=$(jit_ms "$pid")
    if (( (jit_after - jit_before) * 100 < JIT_QUIET * slice * 1000 || seconds >= WARMUP_MAX )); then
      break
    fi
    slice=$WARMUP_SLICE
    seconds=$((seconds + slice))
  done
  echo "$seconds"
}

side_url() { if [[ $1 == server ]]; then echo "$SERVER_URL"; else echo "$BASELINE_URL"; fi; }
side_pid() { if [[ $1 == server ]]; then echo "$SERVER_PID"; else echo "$BASELINE_PID"; fi; }

# Alternates who goes first, so a drift in machine load hits both sides alike.
sides_of_round() { if (( $1 % 2 == 1 )); then echo "server baseline"; else echo "baseline server"; fi; }

echo "== measuring: $ROUNDS rounds x ${DURATION}s per side and workload, wrk -t$THREADS -c$CONNECTIONS," \
  "warm-up ${WARMUP}s and more until the JIT is quiet (under $JIT_QUIET % of a core, at most ${WARMUP_MAX}s)"
WARMUPS=$WORK/warmups.tsv
while IFS='|' read -r name method path body; do
  if [[ -n ${WORKLOADS:-} && " $WORKLOADS " != *" $name "* ]]; then continue; fi
  server_warmup=$(warm_up "$method" "$SERVER_URL$path" "$SERVER_PID" "$body")
  baseline_warmup=$(warm_up "$method" "$BASELINE_URL$path" "$BASELINE_PID" "$body")
  printf '%s\t%s\t%s\n' "$name" "$server_warmup" "$baseline_warmup" >> "$WARMUPS"
  echo "  $name: warm-up ${server_warmup}s on the server, ${baseline_warmup}s on the baseline"
  for round in $(seq 1 "$ROUNDS"); do
    for side in $(sides_of_round "$round"); do
      run_wrk "$name	$side	$round" "$method" "$(side_url "$side")$path" "$DURATION" "$(side_pid "$side")" "$RESULTS" "$body"
      tail -1 "$RESULTS" | awk -F'\t' '{printf "  %-42s %-8s round %s: %7.0f rps  p50 %7.2f ms  p99 %8.2f ms  errors %d  cpu %6.3f ms/req (JIT %5.3f)  sql %5.2f/req  postgres %6.3f ms/req\n", $1, $2, $3, $5, $6, $7, $8 + $9, $10, $11, $12, $13}'
    done
  done
done <<< "$WORKLOAD_LIST"

echo "== memory after load"
printf 'server\t%s\n' "$(memory_of "$SERVER_PID")" >> "$MEMORY"
printf 'baseline\t%s\n' "$(memory_of "$BASELINE_PID")" >> "$MEMORY"
cat "$MEMORY"

# Waits (at most 60 s) until PostgreSQL runs no client's statement: a side still counting a big table for
# requests wrk has stopped waiting for would otherwise slow down the run that follows.
postgres_idle() {
  for _ in $(seq 600); do
    if [[ $(sql "SELECT count(*) FROM pg_stat_activity
                 WHERE backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()") == 0 ]]; then
      return
    fi
    sleep 0.1
  done
  echo "  PostgreSQL still runs statements after 60 s; measuring anyway" >&2
}

if [[ -n $ROW_SIZES ]]; then
  echo "== list latency as the company table grows: $ROW_SIZES"
  SCHEMA=$(sql "SELECT schema_name FROM core.workspace WHERE name = 'demo'")
  # The write workloads' companies go first (and the checks' ones, named by the body template), so that each
  # size is the seed's companies and the demo's.
  sql "DELETE FROM \"$SCHEMA\".company WHERE \"createdByName\" <> 'Benchmark seed' AND (name LIKE 'bench-%' OR name = '@NAME@')" > /dev/null
  # Dead rows a VACUUM cannot remove (an old snapshot holds them) make every index scan wade through them:
  # say so, with the sessions whose snapshots are oldest.
  sql "VACUUM (VERBOSE, ANALYZE) \"$SCHEMA\".company" 2>&1 | grep -o '[0-9]* are dead but not yet removable' | head -1 | sed 's/^/  company rows: /'
  sql "SELECT pid, state, age(backend_xmin) AS xmin_age, now() - xact_start AS in_transaction, left(query, 60)
       FROM pg_stat_activity WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid() ORDER BY age(backend_xmin) DESC LIMIT 3" |
    sed 's/^/  oldest snapshot: /'
  seeded=$COMPANIES
  for size in $ROW_SIZES; do
    if (( size > seeded )); then
      echo "  adding $((size - seeded)) companies"
      java -cp "$BASELINE_CP" dev.crmschema.bench.baseline.SeedData --jdbc-url "$JDBC_URL" --first-company $((seeded + 1)) \
        --companies $((size - seeded)) --people 0 --opportunities 0 > /dev/null
      seeded=$size
      # As autovacuum would in time: counts are index-only scans only over all-visible pages.
      sql "VACUUM ANALYZE \"$SCHEMA\".company" > /dev/null
    fi
    rows=$(sql "SELECT count(*) FROM \"$SCHEMA\".company")
    for side in $(sides_of_round 1); do
      url="$(side_url "$side")/rest/companies?limit=20"
      # The first list after the rows were added pays for the server's count (one for all requests in flight);
      # it is a figure of its own. Measured after a warm-up, the run then says what every later list costs.
      first=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $API_KEY" "$url") \
        || { echo "the first list of $rows companies failed on the $side ($url)" >&2; exit 1; }
      first=$(awk -v s="$first" 'BEGIN {printf "%.1f", s * 1000}')
      run_wrk "" GET "$url" "$ROW_WARMUP" "$(side_pid "$side")" /dev/null ""
      postgres_idle
      run_wrk "$rows	$side	1" GET "$url" "$ROW_DURATION" "$(side_pid "$side")" "$ROWS" ""
      sed -i "\$ s/\$/\t$first/" "$ROWS"
      tail -1 "$ROWS" | awk -F'\t' '{printf "  %9d rows %-8s: first list %8.1f ms, then %7.0f rps  p50 %7.2f ms  p99 %8.2f ms\n", $1, $2, $14, $5, $6, $7}'
    done
  done
fi

{
  echo "API benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg),"
  echo "$(java -version 2>&1 | head -1); $COMPANIES companies, $PEOPLE people, $OPPORTUNITIES opportunities;"
  echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS x ${DURATION}s per side after a warm-up of at least ${WARMUP}s that lasts"
  echo "until the side's JIT compilers use under $JIT_QUIET % of a core (at most ${WARMUP_MAX}s). Warm-up seconds"
  echo "(server / baseline): $(awk -F'\t' '{printf "%s%s %s / %s", (NR > 1 ? ", " : ""), $1, $2, $3}' "$WARMUPS")."
  echo
  java bench/api/ApiReport.java "$RESULTS" "$MEMORY" "$ROWS"
} > "$OUT/report.md"
echo
cat "$OUT/report.md"

if [[ ${KEEP:-0} == 1 ]]; then
  echo "KEEP=1: server pid $SERVER_PID at $SERVER_URL, baseline pid $BASELINE_PID at $BASELINE_URL, API_KEY=$API_KEY"
  echo "Ctrl-C stops both."
  wait "$SERVER_PID"
fi
