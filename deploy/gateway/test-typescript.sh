#!/usr/bin/env bash
# The merged OpenAPI document as a frontend team meets it (deploy/gateway/target/api-docs/openapi.json, built by
# ./mvnw -B package -DskipTests):
#   1. Redocly CLI lints it, and each service's document under <service>/target/openapi, with the recommended rules:
#      zero errors (warnings are printed, not fatal);
#   2. openapi-typescript generates its types;
#   3. tsc --strict compiles src/test/typescript/usage.ts, an openapi-fetch client that files, lists, comments,
#      reads the history, closes and rates a case and relies on the declared bodies, nullables and enums.
# The tools are test tools only, pinned in src/test/typescript/package-lock.json and installed with `npm ci` into
# target/ts-check (Node 20+ and npm). Prints "N passed, M failed"; exit 1 on a failure.
#
#   deploy/gateway/test-typescript.sh [OPENAPI_JSON]
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
doc="${1:-$here/target/api-docs/openapi.json}"
src="$here/src/test/typescript"
work="$here/target/ts-check"
[[ -f "$doc" ]] || { echo "test-typescript: no $doc (build it: ./mvnw -B package -DskipTests)" >&2; exit 2; }
command -v npm >/dev/null || { echo "test-typescript: npm not found (Node 20+)" >&2; exit 2; }

mkdir -p "$work"
cp "$src/package.json" "$src/package-lock.json" "$src/tsconfig.json" "$src/usage.ts" "$work/"
cp "$doc" "$work/openapi.json"
cd "$work" || exit 2
if ! cmp -s package-lock.json node_modules/.casework-installed-lock 2>/dev/null; then
  echo "test-typescript: npm ci (Redocly CLI, openapi-typescript, openapi-fetch, TypeScript)"
  npm ci --no-audit --no-fund --loglevel=error > npm.log 2>&1 || { cat npm.log >&2; exit 2; }
  cp package-lock.json node_modules/.casework-installed-lock
fi
export NO_COLOR=1 NODE_NO_WARNINGS=1 REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

passed=0
failed=0
check() { # name command...
  local name="$1"; shift
  echo "== $name: $*"
  if "$@"; then passed=$((passed + 1)); echo "  ok   $name"; else failed=$((failed + 1)); echo "  FAIL $name"; fi
}

# the services' documents are linted with docs/openapi/redocly.yaml (recommended rules) where it exists
config=()
[[ -f "$here/../../docs/openapi/redocly.yaml" ]] && config=(--config "$here/../../docs/openapi/redocly.yaml")
check "redocly lint (recommended rules, zero errors)" npx --no-install redocly lint "${config[@]}" openapi.json --format=stylish
# and so is each service's own document that the merge read (<service>/target/openapi, written by its Quarkus build)
for service in case-service sla-service notification-service status-service; do
  service_doc="$here/../../$service/target/openapi/openapi.yaml"
  if [[ -f "$service_doc" ]]; then
    check "redocly lint $service (recommended rules, zero errors)" \
      npx --no-install redocly lint "${config[@]}" "$service_doc" --format=stylish
  fi
done
check "openapi-typescript" npx --no-install openapi-typescript openapi.json -o schema.d.ts
check "tsc --strict usage.ts" npx --no-install tsc -p tsconfig.json

echo
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
