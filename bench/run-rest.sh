#!/usr/bin/env bash
# The REST workloads of bench/run-api.sh only (the four of the first REST benchmark), without the
# table-growth part; every setting of run-api.sh applies.
set -euo pipefail
cd "$(dirname "$0")/.."
export WORKLOADS=${WORKLOADS:-rest-list-20-companies rest-get-company-by-id rest-list-20-people-depth-1 rest-create-company}
export ROW_SIZES=${ROW_SIZES-}
exec bench/run-api.sh
