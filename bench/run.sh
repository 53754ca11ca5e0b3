#!/usr/bin/env bash
# The benchmark suite in one command (see bench/README.md): builds once, then runs
#   api       REST and GraphQL workloads against the hand-written baseline, SQL per request, memory after
#             load, list latency as the table grows (bench/run-api.sh)
#   startup   start-up time and memory against the number of workspaces, identical and distinct models
#             (bench/run-startup.sh)
#   compile   compile time against the number of custom objects (bench/run-compile.sh)
#   metadata  time for a metadata change to go live (bench/metadata-changes.sh)
# and prints their tables, also kept in bench/target/run-<time>/summary.md. Every suite stops what it
# started; so does this script when interrupted.
# Settings (environment):
#   QUICK=1        the quick subset (about 50 minutes on the 2-core machine) instead of the full run
#   SKIP_BUILD=1   use the jars already built
#   SUITES="api startup compile metadata"   the suites to run, in this order
#   Every setting of the suites' scripts applies too (ROUNDS, DURATION, ROW_SIZES, IDENTICAL_COUNTS...);
#   COMPILE_ARGS and METADATA_ARGS are the arguments of run-compile.sh and metadata-changes.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITES=${SUITES:-api startup compile metadata}
if [[ ${QUICK:-0} == 1 ]]; then
  export ROUNDS=${ROUNDS:-1} DURATION=${DURATION:-5} WARMUP=${WARMUP:-30}
  export ROW_SIZES=${ROW_SIZES-10000 100000} ROW_DURATION=${ROW_DURATION:-5}
  export IDENTICAL_COUNTS=${IDENTICAL_COUNTS-1 10 100} DISTINCT_COUNTS=${DISTINCT_COUNTS-1 3}
  COMPILE_ARGS=${COMPILE_ARGS:-1 10}
  METADATA_ARGS=${METADATA_ARGS:-5 4 1}
else
  COMPILE_ARGS=${COMPILE_ARGS:-3 10 100 500}
  METADATA_ARGS=${METADATA_ARGS:-20 8 1,10,100}
fi
for tool in wrk jq psql jcmd; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y wrk jq postgresql-client (jcmd: a JDK)" >&2; exit 1; }
done

RUN_DIR=bench/target/run-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN_DIR"
SUMMARY="$RUN_DIR/summary.md"
CHILD=""
# A suite runs in the background so that an interrupt reaches it and its own trap stops what it started.
stop() {
  if [[ -n $CHILD ]] && kill -0 "$CHILD" 2>/dev/null; then
    kill -TERM "$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
}
trap stop EXIT
# A run that stops early says in which suite: a failed suite has printed its cause above, a signal has not.
trap 'echo "bench/run.sh: stopped by a signal during suite ${SUITE:-none}" >&2; exit 130' INT TERM

run_suite() {
  local status=0
  "$@" &
  CHILD=$!
  wait "$CHILD" || status=$?
  CHILD=""
  if (( status != 0 )); then
    echo "bench/run.sh: suite $SUITE failed (exit status $status); its output is above" >&2
    exit "$status"
  fi
}

started=$(date +%s)
{
  echo "# Benchmark run $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM,"\
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1);"\
    "load average at the start $(cut -d' ' -f1-3 /proc/loadavg). Settings: QUICK=${QUICK:-0}, suites: $SUITES."
} > "$SUMMARY"

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  echo "== building once for every suite"
  mvn -B -o -q package -DskipTests -pl schema-compiler,runtime -am
fi
export SKIP_BUILD=1

for suite in $SUITES; do
  SUITE=$suite
  suite_started=$(date +%s)
  echo "== suite $suite"
  case $suite in
    api) OUT="$RUN_DIR/api" run_suite bench/run-api.sh; report="$RUN_DIR/api/report.md" ;;
    startup) OUT="$RUN_DIR/startup" run_suite bench/run-startup.sh; report="$RUN_DIR/startup/report.md" ;;
    compile)
      # shellcheck disable=SC2086
      run_suite bench/run-compile.sh $COMPILE_ARGS
      cp bench/compile/target/result.txt "$RUN_DIR/compile.txt"
      report="$RUN_DIR/compile.txt" ;;
    metadata)
      # shellcheck disable=SC2086
      run_suite bench/metadata-changes.sh $METADATA_ARGS
      cp runtime/target/metadata-bench.txt "$RUN_DIR/metadata.txt"
      report="$RUN_DIR/metadata.txt" ;;
    *) echo "unknown suite $suite (api, startup, compile, metadata)" >&2; exit 1 ;;
  esac
  {
    echo
    echo "## $suite ($(( ($(date +%s) - suite_started) / 60 )) min $(( ($(date +%s) - suite_started) % 60 )) s)"
    echo
    cat "$report"
  } >> "$SUMMARY"
done
echo >> "$SUMMARY"
echo "Whole run: $(( ($(date +%s) - started) / 60 )) min; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)." >> "$SUMMARY"

echo
cat "$SUMMARY"
