#!/usr/bin/env bash
# Compile time against model size (see bench/README.md). Usage: bench/run-compile.sh [rounds] [sizes...]
# Defaults: 3 rounds over 10, 100 and 500 custom objects (plus the standard-only workspace as baseline).
# SKIP_BUILD=1 uses the runtime jar already built. BENCH_THREADS=1 runs emitters and javac tasks one after
# the other (default: one worker thread per core).
set -euo pipefail
cd "$(dirname "$0")/.."

# The shaded runtime jar holds the schema compiler and every dependency (jOOQ, the support API).
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
  mvn -B -o -q package -DskipTests -pl schema-compiler,runtime -am
fi
OUT=bench/compile/target
rm -rf "$OUT" && mkdir -p "$OUT/classes"
# A private copy, so that a rebuild during the (long) run cannot pull the jar from under it.
cp runtime/target/runtime.jar "$OUT/runtime.jar"
JAR="$OUT/runtime.jar"
mapfile -t SOURCES < <(find bench/compile/src -name '*.java')
javac -Xlint:all -Werror --release 17 -cp "$JAR" -d "$OUT/classes" "${SOURCES[@]}"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
# -Xms2g: CompileBench calls System.gc() before each measured compilation, and G1 then gave back the heap the
# previous one had grown (2.4 GB at 100 objects), so every compilation restarted from some 200 MB and paid extra
# young collections. A build's JVM keeps the heap it has grown; so does this one now.
java -Xmx6g -Xms2g -Dbench.threads="${BENCH_THREADS:-$(nproc)}" -cp "$OUT/classes:$JAR" dev.crmschema.bench.compile.CompileBench "$@" 2>&1 | tee "$OUT/result.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
