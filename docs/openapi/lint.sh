#!/usr/bin/env bash
# Checks the OpenAPI documents that the build stores (quarkus.smallrye-openapi.store-schema-directory) in
# <service>/target/openapi: run after ./mvnw package or verify. Needs Node.js and npm; npx fetches the tools at the
# pinned versions.
#  1. Redocly CLI, recommended rules (docs/openapi/redocly.yaml): zero errors;
#  2. openapi-typescript generates types from each document, and TypeScript compiles them in strict mode;
#  3. operationIds unique across the four documents, shared schema names with one definition (check-documents.mjs).
set -euo pipefail
cd "$(dirname "$0")/../.."
REDOCLY=@redocly/cli@2.77.0
OPENAPI_TS=openapi-typescript@7.13.0
TYPESCRIPT=typescript@5.9.3

documents=()
for service in case-service sla-service notification-service status-service; do
  document="$service/target/openapi/openapi.yaml"
  if [ ! -f "$document" ]; then
    echo "openapi-lint: $document is missing: build the services first (./mvnw package)" >&2
    exit 1
  fi
  documents+=("$document")
done

echo "openapi-lint: Redocly ($REDOCLY, recommended rules)"
npx -y "$REDOCLY" lint --config docs/openapi/redocly.yaml "${documents[@]}"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for document in "${documents[@]}"; do
  service=${document%%/*}
  echo "openapi-lint: $OPENAPI_TS $document"
  npx -y "$OPENAPI_TS" "$document" --output "$out/$service.d.ts"
done
echo "openapi-lint: $TYPESCRIPT strict compile of the generated types"
npx -y -p "$TYPESCRIPT" tsc --strict --noEmit --skipLibCheck false "$out"/*.d.ts

node docs/openapi/check-documents.mjs "${documents[@]/%openapi.yaml/openapi.json}"
