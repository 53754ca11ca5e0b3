#!/usr/bin/env bash
# Live metadata changes: latency from a metadata request to the new field being served (idle and under
# REST load), requests failed during changes, heap after 1, 10 and 100 distinct workspace models.
# Usage: bench/metadata-changes.sh [changes per phase=20] [load threads=8] [model counts=1,10,100]
# The report is printed at the end and kept in runtime/target/metadata-bench.txt; the server log goes to
# runtime/target/metadata-bench.log.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile -pl schema-compiler,runtime
mvn -B -q -o dependency:build-classpath -pl runtime -Dmdep.outputFile="$PWD/runtime/target/bench-classpath.txt"
cd runtime
java -Xmx2g -cp "target/test-classes:target/classes:../schema-compiler/target/classes:$(cat target/bench-classpath.txt)" \
  dev.crmschema.runtime.bench.MetadataChangeBenchmark "$@" > target/metadata-bench.log 2>&1
cat target/metadata-bench.txt
