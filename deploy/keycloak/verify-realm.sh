#!/usr/bin/env bash
# Checks the tokens of the running casework realm (deploy/keycloak/casework-realm.json):
# for every demo user (password grant on casework-cli) and the two service-account clients
# (client credentials) it decodes the access token and checks aud, org, email, groups,
# realm_access.roles and sub. Prints "N passed, M failed"; exit 1 on any failure.
#
#   deploy/keycloak/verify-realm.sh [KEYCLOAK_URL]      (default http://localhost:8180)
# Needs curl and jq (or python3).
set -uo pipefail

KC="${1:-${KEYCLOAK_URL:-http://localhost:8180}}"
TOKEN_URL="$KC/realms/casework/protocol/openid-connect/token"
passed=0
failed=0

json_get() { # json filter(jq syntax, simple paths only)
  if command -v jq >/dev/null; then
    jq -c "$2" <<<"$1"
  else
    python3 -c 'import json,sys
d=json.loads(sys.argv[1])
for part in sys.argv[2].lstrip(".").split("."):
    d=d.get(part) if isinstance(d,dict) else None
print(json.dumps(d, separators=(",",":")))' "$1" "$2"
  fi
}
jwt_payload() {
  local p="${1#*.}"; p="${p%%.*}"
  p="$(tr '_-' '/+' <<<"$p")"
  while (( ${#p} % 4 )); do p+="="; done
  base64 -d <<<"$p" 2>/dev/null
}
check() { # description actual expected-substring
  if [[ "$2" == *"$3"* ]]; then passed=$((passed + 1)); printf '  ok   %s\n' "$1"
  else failed=$((failed + 1)); printf '  FAIL %s: got %s, want %s\n' "$1" "$2" "$3"; fi
}
verify() { # label token-response org email roles...
  local label="$1" resp="$2" org="$3" email="$4"; shift 4
  local at; at="$(json_get "$resp" .access_token)"; at="${at//\"/}"
  if [[ -z "$at" || "$at" == null ]]; then
    failed=$((failed + 1)); echo "  FAIL $label: no access token: $resp"; return
  fi
  local claims; claims="$(jwt_payload "$at")"
  echo "$label: $(json_get "$claims" '{aud,azp,org,email,groups,realm_roles:.realm_access.roles}' 2>/dev/null || echo "$claims")"
  check "$label aud" "$(json_get "$claims" .aud)" '"casework-api"'
  check "$label org" "$(json_get "$claims" .org)" "\"$org\""
  [[ -n "$email" ]] && check "$label email" "$(json_get "$claims" .email)" "\"$email\""
  check "$label sub" "$(json_get "$claims" .sub)" '"'
  local r
  for r in "$@"; do
    check "$label groups has $r" "$(json_get "$claims" .groups)" "\"$r\""
    check "$label realm_access.roles has $r" "$(json_get "$claims" .realm_access.roles)" "\"$r\""
  done
}

user() { # email org roles...
  local email="$1"; shift
  verify "$email" "$(curl -sS -d grant_type=password -d client_id=casework-cli \
    --data-urlencode "username=$email" -d password=demo "$TOKEN_URL")" "$1" "$email" "${@:2}"
}
client() { # client secret org roles...
  local c="$1" s="$2"; shift 2
  verify "client $c" "$(curl -sS -d grant_type=client_credentials -d "client_id=$c" \
    -d "client_secret=$s" "$TOKEN_URL")" "$1" "" "${@:2}"
}

user alice@acme.example    acme     customer customer-admin
user bob@acme.example      acme     customer
user carol@globex.example  globex   customer
user rita@resellco.example resellco partner
user sam@casework.example  casework agent
user olga@casework.example casework status-publisher ops
client partner-resellco  partner-resellco-secret  resellco partner
client casework-services casework-services-secret casework admin

# wrong password must fail (and not lock out: 1 failure < failureFactor 5)
code="$(curl -s -o /dev/null -w '%{http_code}' -d grant_type=password -d client_id=casework-cli \
  -d username=bob@acme.example -d password=wrong "$TOKEN_URL")"
check "wrong password rejected (invalid_grant)" "$code" 400

echo
echo "$passed passed, $failed failed"
[[ "$failed" == 0 ]]
