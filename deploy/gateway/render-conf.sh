#!/usr/bin/env bash
# Renders the gateway template deploy/gateway/nginx.conf into a runnable nginx config.
#
#   deploy/gateway/render-conf.sh OUT_FILE
#
# Only the ${UPPER_CASE} placeholders listed below are replaced (nginx's own $variables are
# left alone); each comes from the environment or falls back to the default shown.
# Pure bash: no envsubst/sed needed.
set -euo pipefail

out="${1:?usage: render-conf.sh OUT_FILE}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="${GATEWAY_TEMPLATE:-$here/nginx.conf}"

: "${GATEWAY_LISTEN:=8080}"
: "${GATEWAY_PREFIX:?GATEWAY_PREFIX (writable run dir) must be set}"
: "${GATEWAY_ACCESS_LOG:=$GATEWAY_PREFIX/access.log}"
: "${GATEWAY_ERROR_LOG:=$GATEWAY_PREFIX/error.log}"
: "${CASE_UPSTREAM:=127.0.0.1:8081}"
: "${SLA_UPSTREAM:=127.0.0.1:8082}"
: "${NOTIFICATION_UPSTREAM:=127.0.0.1:8083}"
: "${STATUS_UPSTREAM:=127.0.0.1:8084}"
: "${API_RATE:=50r/s}"
: "${API_BURST:=100}"
: "${API_IP_RATE:=200r/s}"
: "${API_IP_BURST:=400}"
: "${MAX_BODY_SIZE:=26m}"
# The merged OpenAPI document and Swagger UI (the deploy/gateway module's build output).
: "${API_DOCS_DIR:=$here/target/api-docs}"
# Space-separated list of allowed CORS origins (exact match).
: "${CORS_ALLOWED_ORIGINS:=http://localhost:3000 http://localhost:5173}"

if [[ -z "${CORS_ORIGIN_MAP:-}" ]]; then
  CORS_ORIGIN_MAP=""
  for origin in $CORS_ALLOWED_ORIGINS; do
    [[ "$origin" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]+)?$ ]] \
      || { echo "render-conf.sh: invalid CORS origin '$origin'" >&2; exit 2; }
    CORS_ORIGIN_MAP+="\"$origin\" \$http_origin; "
  done
fi

vars=(GATEWAY_LISTEN GATEWAY_PREFIX GATEWAY_ACCESS_LOG GATEWAY_ERROR_LOG
      CASE_UPSTREAM SLA_UPSTREAM NOTIFICATION_UPSTREAM STATUS_UPSTREAM
      API_RATE API_BURST API_IP_RATE API_IP_BURST MAX_BODY_SIZE CORS_ORIGIN_MAP API_DOCS_DIR)

shopt -u patsub_replacement 2>/dev/null || true   # bash 5.2: '&' in a replacement is literal
text="$(<"$template")"
for v in "${vars[@]}"; do
  text="${text//"\${$v}"/${!v}}"
done
if [[ "$text" =~ \$\{[A-Z_]+\} ]]; then
  echo "render-conf.sh: unreplaced placeholder ${BASH_REMATCH[0]} in $template" >&2
  exit 2
fi
mkdir -p "$(dirname "$out")" "$GATEWAY_PREFIX/tmp"
printf '%s\n' "$text" > "$out.tmp.$$"
mv -f "$out.tmp.$$" "$out"
