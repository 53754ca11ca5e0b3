#!/usr/bin/env bash
# Uses the installed plugin from a project outside the reactor: generates, skips when unchanged, checks,
# and fails cleanly on bad metadata. Run after `mvn -B install -DskipTests` at the repository root:
#
#     maven-plugin/src/it/standalone/run.sh [extra mvn options, e.g. -o]
#
# It copies this folder to a temporary one, so the repository stays clean. Takes about half a minute.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$here/pom.xml" "$here/src" "$work/"
log="$work/build.log"

mvn_run() {
    mvn -B -f "$work/pom.xml" -DcrmSchemaVersion="$version" "$@" >"$log" 2>&1
}
expect() {
    if ! grep -qF -- "$1" "$log"; then
        echo "FAILED: expected '$1' in the build log:" >&2
        cat "$log" >&2
        exit 1
    fi
    grep -F -- "$1" "$log" | head -n 1
}

echo "== package: generates the clinic workspace with plugin $version"
mvn_run "$@" package
expect "crm-schema: workspace 'clinic' (clinic): 1 file in"
test -f "$work/target/classes/crm-schema/clinic/ir.json" || { echo "FAILED: ir.json not packaged" >&2; exit 1; }
echo "target/classes/crm-schema/clinic/ir.json is on the classpath"

echo "== package again: nothing changed"
mvn_run "$@" package
expect "crm-schema: workspaces unchanged, skipping generation (1 workspaces)"

echo "== crm-schema:check (goal prefix resolved from the project's plugins)"
mvn_run "$@" crm-schema:check
expect "crm-schema: workspace 'clinic' (clinic) is valid: 1 object"

echo "== bad metadata: a clean build failure with located diagnostics"
sed -i 's/type: DATE}/type: DAET}/' "$work/src/main/crm/clinic/objects/patient.yaml"
if mvn_run "$@" package; then
    echo "FAILED: the build passed with bad metadata" >&2
    exit 1
fi
expect "BUILD FAILURE"
expect "crm-schema: 1 problem in workspace metadata (1 of 1 workspace)"
expect "objects/patient.yaml:8:43: error CRM200: unknown field type 'DAET'"
if grep -q "^[[:space:]]*at dev\.crmschema" "$log"; then
    echo "FAILED: a stack trace was printed" >&2
    cat "$log" >&2
    exit 1
fi
echo "OK: the plugin works from a separate project"
