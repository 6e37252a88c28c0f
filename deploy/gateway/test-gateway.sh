#!/usr/bin/env bash
# Self-contained test of the Casework gateway config (deploy/gateway/nginx.conf).
#
# Starts two private nginx instances on free loopback ports:
#   - "stubs": four servers standing in for case/sla/notification/status-service; each answers
#     JSON naming itself plus what it received (method, URI, X-Request-Id);
#   - "gateway": the real template rendered by render-conf.sh, pointed at the stubs, with a tiny
#     per-client rate limit so the 429 path can be provoked.
# Then checks routing, the API documents and Swagger UI (from a fixture API_DOCS_DIR), hidden /q/,
# 400/404/413/414/431/429/501/502/505 problem+json (also for requests nginx cannot parse), X-Request-Id, CORS, SSE, gzip and the JSON access log. Needs only bash, nginx and curl. Prints "N passed, M failed"; exit 1 on failure.
#
#   deploy/gateway/test-gateway.sh            (KEEP_TMP=1 keeps the temp dir for inspection)
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NGINX="${NGINX:-$(command -v nginx || true)}"
[[ -z "$NGINX" && -x /usr/sbin/nginx ]] && NGINX=/usr/sbin/nginx
if [[ -z "$NGINX" ]]; then
  echo "test-gateway: nginx not found (Debian: apt-get install -y nginx)" >&2
  exit 2
fi
command -v curl >/dev/null || { echo "test-gateway: curl not found" >&2; exit 2; }

tmp="$(mktemp -d /tmp/casework-gateway-test.XXXXXX)"
chmod 755 "$tmp"   # nginx workers run as 'nobody' when the master is root

passed=0
failed=0
pass() { passed=$((passed + 1)); printf '  ok   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf '  FAIL %s\n' "$1"; [[ -n "${2:-}" ]] && printf '       %s\n' "$2"; }

cleanup() {
  local pidfile pid
  for pidfile in "$tmp/gateway/nginx.pid" "$tmp/stubs/nginx.pid"; do
    if [[ -s "$pidfile" ]]; then
      pid="$(cat "$pidfile")"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
used_ports=" "
free_port() {
  local p
  for _ in $(seq 1 200); do
    # Below the kernel's ephemeral range (32768+ here): a port picked there can be taken by an outgoing
    # connection between this check and nginx's bind (seen in CI as "Address already in use").
    p=$((20000 + RANDOM % 12000))
    [[ "$used_ports" == *" $p "* ]] && continue
    if ! port_in_use "$p"; then used_ports+="$p "; echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

GW_PORT="$(free_port)"; CASE_PORT="$(free_port)"; SLA_PORT="$(free_port)"
NOTIF_PORT="$(free_port)"; STATUS_PORT="$(free_port)"; DEAD_PORT="$(free_port)"
GW="http://127.0.0.1:$GW_PORT"

# ---------------------------------------------------------------- stub upstreams (nginx) ----
mkdir -p "$tmp/stubs/tmp" "$tmp/gateway"
stub_server() { # name port
  cat <<EOF
    server {
        listen 127.0.0.1:$2;
        default_type application/json;
        location = /big {
            return 200 '{"service":"$1","padding":"$(printf 'x%.0s' $(seq 1 3000))"}';
        }
        location = /api/v1/cases/big {
            return 200 '{"service":"$1","padding":"$(printf 'x%.0s' $(seq 1 3000))"}';
        }
        location = /api/v1/status/stream {
            default_type text/event-stream;
            return 200 'event: status\ndata: {"service":"$1"}\n\n';
        }
        location / {
            if (\$http_accept ~* "text/event-stream") {
                return 200 'data: {"service":"$1","uri":"\$request_uri"}\n\n';
            }
            return 200 '{"service":"$1","method":"\$request_method","uri":"\$request_uri","request_id":"\$http_x_request_id","forwarded_for":"\$http_x_forwarded_for"}';
        }
    }
EOF
}
cat > "$tmp/stubs/nginx.conf" <<EOF
worker_processes 1;
pid $tmp/stubs/nginx.pid;
error_log $tmp/stubs/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $tmp/stubs/tmp/client_body;
    proxy_temp_path $tmp/stubs/tmp/proxy;
    fastcgi_temp_path $tmp/stubs/tmp/fastcgi;
    uwsgi_temp_path $tmp/stubs/tmp/uwsgi;
    scgi_temp_path $tmp/stubs/tmp/scgi;
    client_max_body_size 64m;
$(stub_server case "$CASE_PORT")
$(stub_server sla "$SLA_PORT")
$(stub_server notification "$NOTIF_PORT")
$(stub_server status "$STATUS_PORT")
}
EOF

# ---------------------------------------------------------------- API documents (fixture) ----
mkdir -p "$tmp/api-docs/swagger-ui"
printf '{"openapi":"3.0.3","info":{"title":"fixture","version":"1"},"paths":{}}\n' > "$tmp/api-docs/openapi.json"
printf 'openapi: 3.0.3\ninfo:\n  title: fixture\n' > "$tmp/api-docs/openapi.yaml"
printf '<!DOCTYPE html><title>Swagger UI fixture</title>\n' > "$tmp/api-docs/swagger-ui/index.html"
printf 'window.onload = function () {};\n' > "$tmp/api-docs/swagger-ui/swagger-initializer.js"

# ---------------------------------------------------------------- gateway under test -------
render_gateway() { # CASE_UPSTREAM override (for the 502 check)
  GATEWAY_PREFIX="$tmp/gateway" GATEWAY_LISTEN="127.0.0.1:$GW_PORT" \
  GATEWAY_ACCESS_LOG="$tmp/gateway/access.log" GATEWAY_ERROR_LOG="$tmp/gateway/error.log" \
  CASE_UPSTREAM="$1" SLA_UPSTREAM="127.0.0.1:$SLA_PORT" \
  NOTIFICATION_UPSTREAM="127.0.0.1:$NOTIF_PORT" STATUS_UPSTREAM="127.0.0.1:$STATUS_PORT" \
  API_RATE="${TEST_API_RATE:-1r/m}" API_BURST="${TEST_API_BURST:-3}" \
  API_IP_RATE="1000r/s" API_IP_BURST="1000" API_DOCS_DIR="$tmp/api-docs" \
    "$here/render-conf.sh" "$tmp/gateway/nginx.conf"
}
render_gateway "127.0.0.1:$CASE_PORT" || { echo "render failed" >&2; exit 1; }

start_nginx() { # dir
  if ! "$NGINX" -t -q -p "$1" -c "$1/nginx.conf" -e "$1/error.log" >"$1/nginx-t.out" 2>&1; then
    echo "nginx -t failed for $1:" >&2; cat "$1/nginx-t.out" >&2; return 1
  fi
  "$NGINX" -p "$1" -c "$1/nginx.conf" -e "$1/error.log" || return 1   # daemonizes, writes pid file
  for _ in $(seq 1 50); do [[ -s "$1/nginx.pid" ]] && return 0; sleep 0.1; done
  echo "nginx in $1 did not start" >&2; cat "$1/error.log" >&2; return 1
}
start_nginx "$tmp/stubs" || exit 1
start_nginx "$tmp/gateway" || exit 1
for _ in $(seq 1 50); do port_in_use "$GW_PORT" && break; sleep 0.1; done

echo "gateway under test: $GW (stubs on $CASE_PORT/$SLA_PORT/$NOTIF_PORT/$STATUS_PORT)"

# ---------------------------------------------------------------- helpers -----------------
# Each request gets its own Authorization header (own rate-limit bucket) unless AUTH is set.
n=0
# req [curl args...] -> sets $status, $headers (lower-cased names), $body
req() {
  n=$((n + 1))
  local hfile="$tmp/h.$n" bfile="$tmp/b.$n"
  status="$(curl -sS -o "$bfile" -D "$hfile" -w '%{http_code}' --max-time 10 \
             -H "Authorization: ${AUTH:-Bearer test-token-$n}" "$@" 2>"$tmp/e.$n")" || status="curl-error: $(cat "$tmp/e.$n")"
  headers="$(tr -d '\r' < "$hfile" 2>/dev/null | sed 's/^\([^:]*\):/\L\1:/')"
  body="$(tr -d '\0' < "$bfile" 2>/dev/null)"
}
# raw_req 'bytes with \r\n escapes' -> like req, for requests curl will not send (sent as is over /dev/tcp)
raw_req() {
  n=$((n + 1))
  local rfile="$tmp/r.$n"
  # in a subshell: nginx may close the connection before all is written, and SIGPIPE must not end this script
  ( exec 3<>"/dev/tcp/127.0.0.1/$GW_PORT" && printf '%b' "$1" >&3 && timeout 10 cat <&3 ) > "$rfile" 2>/dev/null
  status="$(head -n 1 "$rfile" | tr -d '\r' | cut -d ' ' -f 2)"
  headers="$(sed -n '2,/^\r\?$/p' "$rfile" | tr -d '\r' | sed 's/^\([^:]*\):/\L\1:/')"
  body="$(sed -n '/^\r\?$/,$p' "$rfile" | tr -d '\r\0' | sed 1d)"
}
header() { printf '%s\n' "$headers" | sed -n "s/^$1: //p" | tail -n 1; }

expect_route() { # path expected-service [curl args]
  local path="$1" svc="$2"; shift 2
  req "$@" "$GW$path"
  if [[ "$status" == 200 && "$body" == *"\"service\":\"$svc\""* ]]; then
    pass "$path -> $svc"
  else
    fail "$path -> $svc" "got status=$status body=${body:0:200}"
  fi
}
expect_problem() { # name expected-status  (uses last response)
  local ct; ct="$(header content-type)"
  if [[ "$status" == "$2" && "$ct" == application/problem+json* && "$body" == *"\"status\":$2"* ]]; then
    pass "$1: $2 application/problem+json"
  else
    fail "$1: $2 application/problem+json" "got status=$status content-type=$ct body=${body:0:200}"
  fi
}

# ---------------------------------------------------------------- routing -----------------
echo "routing:"
expect_route /api/v1/cases case
expect_route "/api/v1/cases?status=OPEN&page=2" case
expect_route /api/v1/cases/123/comments case
expect_route /api/v1/organizations case
expect_route /api/v1/organizations/acme/members case
expect_route /api/v1/partners/me/clients case
expect_route /api/v1/sla sla
expect_route /api/v1/sla/policies/7 sla
expect_route /api/v1/notifications notification
expect_route /api/v1/notifications/preferences notification
expect_route /api/v1/status status
expect_route /api/v1/status/incidents status
expect_route /status status
expect_route /status/history status

req -X POST -H 'Content-Type: application/json' --data '{"title":"x"}' "$GW/api/v1/cases"
[[ "$status" == 200 && "$body" == *'"method":"POST"'* ]] && pass "POST /api/v1/cases reaches case-service" \
  || fail "POST /api/v1/cases reaches case-service" "status=$status body=$body"

req "$GW/api/v1/cases/42"
[[ "$body" == *'"uri":"/api/v1/cases/42"'* ]] && pass "upstream receives the original URI" || fail "upstream receives the original URI" "$body"

for path in /api/v1/casesX /api/v1/casesX/1 /api/v1/slam /api/v1/statusfoo /statusX /api/v2/cases /; do
  req "$GW$path"
  if [[ "$status" == 404 && "$body" != *'"service"'* ]]; then pass "$path is not routed (404)"; else fail "$path is not routed (404)" "status=$status body=${body:0:200}"; fi
done
req "$GW/api/v1/casesX"; expect_problem "unknown route" 404

echo "API documents and Swagger UI:"
req -H 'Origin: http://localhost:3000' "$GW/api/v1/openapi.json"
[[ "$status" == 200 && "$(header content-type)" == application/json* && "$body" == *'"title":"fixture"'* \
   && "$(header access-control-allow-origin)" == http://localhost:3000 ]] \
  && pass "/api/v1/openapi.json: the merged document, application/json, CORS" \
  || fail "/api/v1/openapi.json" "status=$status headers=$(echo $headers) body=${body:0:200}"
req "$GW/api/v1/openapi.yaml"
[[ "$status" == 200 && "$(header content-type)" == application/yaml* && "$body" == openapi:* ]] \
  && pass "/api/v1/openapi.yaml: application/yaml" || fail "/api/v1/openapi.yaml" "status=$status headers=$(echo $headers)"
req "$GW/api/docs"
[[ "$status" == 301 && "$(header location)" == */api/docs/ ]] && pass "/api/docs redirects to /api/docs/" \
  || fail "/api/docs redirects to /api/docs/" "status=$status headers=$(echo $headers)"
req "$GW/api/docs/"
[[ "$status" == 200 && "$(header content-type)" == text/html* && "$body" == *'Swagger UI'* ]] \
  && pass "/api/docs/ serves Swagger UI's page" || fail "/api/docs/ serves Swagger UI's page" "status=$status headers=$(echo $headers)"
req "$GW/api/docs/swagger-initializer.js"
[[ "$status" == 200 && "$(header content-type)" == application/javascript* ]] \
  && pass "/api/docs/*.js as application/javascript" || fail "/api/docs/*.js" "status=$status headers=$(echo $headers)"
for path in /api/v1/openapi /api/v1/openapi.json/x /api/docs/../v1/openapi.json.bak /api/docs/nope.js; do
  req --path-as-is "$GW$path"
  [[ "$status" == 404 && "$body" != *'"service"'* ]] && pass "$path -> 404" || fail "$path -> 404" "status=$status body=${body:0:200}"
done

echo "management endpoints hidden:"
for path in /q/health /q/health/ready /q/metrics /q /api/v1/cases/../../../q/health "/api/v1/cases/%2e%2e/%2e%2e/%2e%2e/q/health"; do
  req --path-as-is "$GW$path"
  if [[ "$status" == 404 && "$body" != *'"service"'* ]]; then pass "$path -> 404"; else fail "$path -> 404" "status=$status body=${body:0:200}"; fi
done
req "$GW/q/health"; expect_problem "/q/health" 404

# ---------------------------------------------------------------- request id --------------
echo "X-Request-Id:"
req "$GW/api/v1/cases"
rid="$(header x-request-id)"
if [[ "$rid" =~ ^[0-9a-f]{32}$ && "$body" == *"\"request_id\":\"$rid\""* ]]; then
  pass "generated when absent, sent upstream and back ($rid)"
else
  fail "generated when absent, sent upstream and back" "header='$rid' body=$body"
fi
req -H 'X-Request-Id: client-req-0001' "$GW/api/v1/sla"
rid="$(header x-request-id)"
if [[ "$rid" == client-req-0001 && "$body" == *'"request_id":"client-req-0001"'* ]]; then
  pass "client value passed through upstream and back"
else
  fail "client value passed through upstream and back" "header='$rid' body=$body"
fi
req -H 'X-Request-Id: bad id "with" quotes' "$GW/api/v1/sla"
rid="$(header x-request-id)"
[[ "$rid" =~ ^[0-9a-f]{32}$ ]] && pass "malformed client value replaced by a generated one" || fail "malformed client value replaced" "header='$rid'"
[[ "$(printf '%s\n' "$headers" | grep -c '^x-request-id:')" == 1 ]] && pass "exactly one X-Request-Id header" || fail "exactly one X-Request-Id header" "$headers"
req "$GW/nope"
[[ "$(header x-request-id)" =~ ^[0-9a-f]{32}$ ]] && pass "X-Request-Id also on gateway errors" || fail "X-Request-Id also on gateway errors" "$headers"
if grep -q '"request_id":"client-req-0001"' "$tmp/gateway/access.log" \
   && grep '"request_id":"client-req-0001"' "$tmp/gateway/access.log" | grep -q '"upstream_response_time":"[0-9.]*"' \
   && grep -q '"status":404' "$tmp/gateway/access.log"; then
  pass "JSON access log has request id, status and upstream time"
else
  fail "JSON access log has request id, status and upstream time" "$(tail -n 2 "$tmp/gateway/access.log")"
fi

# ---------------------------------------------------------------- CORS --------------------
echo "CORS:"
req -X OPTIONS -H 'Origin: http://localhost:3000' -H 'Access-Control-Request-Method: POST' \
    -H 'Access-Control-Request-Headers: authorization,content-type' "$GW/api/v1/cases"
if [[ "$status" == 204 && "$(header access-control-allow-origin)" == http://localhost:3000 \
      && "$(header access-control-allow-methods)" == *POST* && "$(header access-control-allow-headers)" == *Authorization* ]]; then
  pass "preflight from http://localhost:3000 -> 204 with allow headers"
else
  fail "preflight from http://localhost:3000 -> 204 with allow headers" "status=$status headers=$(echo $headers)"
fi
req -H 'Origin: http://localhost:5173' "$GW/api/v1/cases"
[[ "$(header access-control-allow-origin)" == http://localhost:5173 && "$(header access-control-expose-headers)" == *X-Request-Id* ]] \
  && pass "simple request from http://localhost:5173 gets Allow-Origin + Expose-Headers" || fail "simple request CORS headers" "$(echo $headers)"
expose="$(header access-control-expose-headers)"
missing=""
for h in X-Request-Id Retry-After Location ETag Idempotent-Replayed Content-Disposition WWW-Authenticate; do
  [[ ", $expose," == *", $h,"* ]] || missing+="$h "
done
[[ -z "$missing" ]] && pass "exposed to browsers: $expose" || fail "Expose-Headers lacks: $missing" "$expose"
req -H 'Origin: http://localhost:3000' "$GW/nope"
[[ "$status" == 404 && "$(header access-control-allow-origin)" == http://localhost:3000 && "$(header access-control-expose-headers)" == *Idempotent-Replayed* ]] \
  && pass "gateway errors carry the same CORS headers" || fail "gateway errors carry the same CORS headers" "$(echo $headers)"
req -X OPTIONS -H 'Origin: http://evil.example' -H 'Access-Control-Request-Method: POST' "$GW/api/v1/cases"
[[ -z "$(header access-control-allow-origin)" ]] && pass "unknown origin gets no Allow-Origin" || fail "unknown origin gets no Allow-Origin" "$(echo $headers)"

# ---------------------------------------------------------------- SSE, gzip ---------------
echo "SSE and compression:"
req -N -H 'Accept: text/event-stream' "$GW/api/v1/status/stream"
[[ "$status" == 200 && "$(header content-type)" == text/event-stream* && "$body" == *'data: {"service":"status"}'* ]] \
  && pass "/api/v1/status/stream streams from status-service" || fail "/api/v1/status/stream" "status=$status body=$body"
req -N -H 'Accept: text/event-stream' "$GW/api/v1/status/incidents/live"
[[ "$status" == 200 && "$body" == *'data: {"service":"status","uri":"/api/v1/status/incidents/live"}'* ]] \
  && pass "Accept: text/event-stream on /api/v1/status/* goes through the streaming route" || fail "SSE via Accept header" "status=$status body=$body"
req -H 'Accept-Encoding: gzip' "$GW/api/v1/cases/big"
[[ "$status" == 200 && "$(header content-encoding)" == gzip ]] && pass "large JSON is gzip-compressed" || fail "large JSON is gzip-compressed" "$(echo $headers)"

# ---------------------------------------------------------------- 413 --------------------
echo "body size limit:"
head -c $((27 * 1024 * 1024)) /dev/zero > "$tmp/big.bin"
req -X POST -H 'Content-Type: application/octet-stream' --data-binary "@$tmp/big.bin" "$GW/api/v1/cases/1/attachments"
expect_problem "27 MiB upload" 413
head -c $((25 * 1024 * 1024)) /dev/zero > "$tmp/ok.bin"
req -X POST -H 'Content-Type: application/octet-stream' --data-binary "@$tmp/ok.bin" "$GW/api/v1/cases/1/attachments"
[[ "$status" == 200 && "$body" == *'"service":"case"'* ]] && pass "25 MiB upload passes" || fail "25 MiB upload passes" "status=$status"
rm -f "$tmp/big.bin" "$tmp/ok.bin"

# ---------------------------------------------------------------- 414 / 431 --------------
echo "request line and header limits:"
long="$(head -c 9000 /dev/zero | tr '\0' a)"
req "$GW/api/v1/cases?q=$long"
expect_problem "9 kB request line" 414
req -H "X-Long: $long" "$GW/api/v1/cases"
expect_problem "9 kB header" 431
# A request line that long is 414 however the line looks (nginx has no URI for it yet).
raw_req "GET /api/v1/cases?q=$long HTTP/1.1\r\nHost: x\r\n\r\n"
expect_problem "9 kB request line (raw)" 414
mid="$(head -c 6000 /dev/zero | tr '\0' a)"
req "$GW/api/v1/cases?q=$mid"
[[ "$status" == 200 && "$body" == *'"service":"case"'* ]] && pass "6 kB request line is forwarded" || fail "6 kB request line is forwarded" "status=$status"

# ---------------------------------------------------------------- 400 / 501 / 505 --------
# Requests nginx cannot parse. A malformed request line used to end in a bare text/html 500 (error_page to a
# named location needs a URI the request does not have yet); 501 and 505 were text/html too.
echo "requests the gateway cannot parse:"
raw_req 'GARBAGE\r\n\r\n'
expect_problem "malformed request line" 400
raw_req 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n'
expect_problem "spaces in the request target" 400
raw_req 'GET /../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n'
expect_problem "path above the root" 400
raw_req 'GET /api/v1/cases%00 HTTP/1.1\r\nHost: x\r\n\r\n'
expect_problem "NUL in the path" 400
raw_req 'GET /api/v1/cases HTTP/1.1\r\n\r\n'
expect_problem "HTTP/1.1 without Host" 400
raw_req 'GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'
expect_problem "unparsable Content-Length" 400
raw_req 'POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n'
expect_problem "malformed chunked body" 400
[[ "$body" == *'"title":"Bad Request"'* && -n "$(header x-request-id)" && "$body" == *"\"requestId\":\"$(header x-request-id)\""* ]] \
  && pass "400 problem names the request id" || fail "400 problem names the request id" "$body"
raw_req 'POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n'
expect_problem "unknown Transfer-Encoding" 501
raw_req 'GET /api/v1/cases HTTP/2.0\r\nHost: x\r\n\r\n'
expect_problem "HTTP/2.0 request line" 505
req "$GW/.problem/bad-request"
expect_problem "the problem pages are internal" 404

# ---------------------------------------------------------------- 429 --------------------
# One request a minute per client (burst 3): the bucket cannot refill while the burst runs, however slow a loaded
# machine makes the requests (at 1r/s a CI run at load 20 let the request after the burst through).
echo "rate limiting (test limit ${TEST_API_RATE:-1r/m} burst ${TEST_API_BURST:-3} per client):"
codes=""
limited=""
for _ in $(seq 1 12); do
  AUTH='Bearer same-client' req "$GW/api/v1/cases"
  codes+="$status "
  if [[ "$status" == 429 && -z "$limited" ]]; then
    limited=1; limited_headers="$headers"; limited_body="$body"
  fi
done
if [[ "$codes" == "200 200 200 200 429"* ]]; then pass "burst above the limit gets 429 ($codes)"; else fail "burst above the limit gets 429" "$codes"; fi
headers="$limited_headers"; body="$limited_body"; status="${limited:+429}"
expect_problem "rate-limited request" 429
[[ "$(header retry-after)" =~ ^[0-9]+$ ]] && pass "429 has Retry-After: $(header retry-after)" || fail "429 has Retry-After" "$(echo $headers)"
[[ "$body" == *'"title":"Too Many Requests"'* && "$body" == *'"type":"about:blank"'* ]] && pass "429 problem body" || fail "429 problem body" "$body"
c="$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer other-client' "$GW/api/v1/cases")"
[[ "$c" == 200 ]] && pass "another client is not limited" || fail "another client is not limited" "$c"

# ---------------------------------------------------------------- 502 --------------------
echo "upstream down:"
render_gateway "127.0.0.1:$DEAD_PORT" && kill -HUP "$(cat "$tmp/gateway/nginx.pid")"
sleep 1
req "$GW/api/v1/cases"
expect_problem "case-service down" 502
req "$GW/api/v1/sla"
[[ "$status" == 200 ]] && pass "other services unaffected" || fail "other services unaffected" "$status"

echo
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
