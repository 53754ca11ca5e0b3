#!/usr/bin/env bash
# A CPU profile of a running JVM (the server that `KEEP=1 bench/run-api.sh` leaves up, say) taken with
# async-profiler while you load it: every thread's Java and kernel frames, sampled each millisecond of CPU,
# written collapsed (one stack per line with its count) for flame graphs or bench/profile/Shares.java.
# Unlike JFR it also samples threads in native code and does not slow the server down several times over.
# async-profiler comes from Maven Central (tools.profiler:async-profiler, Linux x64 only) and is kept in
# bench/target/async-profiler. See bench/README.md, section B.
# Usage: bench/profile.sh PID SECONDS OUT.collapsed
# Settings (environment): EVENT=cpu (itimer where perf events are not allowed), INTERVAL=1ms
set -euo pipefail
if (( $# != 3 )); then
  echo "usage: bench/profile.sh PID SECONDS OUT.collapsed" >&2
  exit 2
fi
pid=$1 seconds=$2 out=$(realpath -m "$3")
cd "$(dirname "$0")/.."

VERSION=3.0
DIR=bench/target/async-profiler
LIBRARY=$DIR/linux-x64/libasyncProfiler.so
if [[ ! -f $LIBRARY ]]; then
  mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$VERSION" -DoutputDirectory="$DIR"
  unzip -q -o "$DIR/async-profiler-$VERSION.jar" 'linux-x64/*' -d "$DIR"
fi
LIBRARY=$(realpath "$LIBRARY")

java bench/profile/Attach.java "$pid" "$LIBRARY" "start,event=${EVENT:-cpu},interval=${INTERVAL:-1ms}"
# Stops the profiler and writes the profile however this script ends (Ctrl-C too), or it keeps sampling.
trap 'java bench/profile/Attach.java "$pid" "$LIBRARY" "stop,file=$out,collapsed" &&
  echo "$(wc -l < "$out") stacks in $out; shares: java bench/profile/Shares.java $out [REGEX]"' EXIT
echo "profiling $pid for $seconds s"
sleep "$seconds"
