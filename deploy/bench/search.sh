#!/usr/bin/env bash
# Latency of every list, filter and search of GET /api/v1/cases through the gateway, against the running stack
# (deploy/stack up; data from deploy/stack seed --cases N). Each request: one warm-up, then the median of 5 runs.
# The reference is the plain first page of the customer list measured in the same run: ratios hold on any machine.
#   deploy/bench/search.sh [label]       e.g. deploy/bench/search.sh 1M  -> appends to deploy/.run/bench/search-<label>.tsv
# Prints a table: request, median ms, ratio to the plain list, then the disk per case of case-service's and
# sla-service's tables. deploy/bench/search-report.py turns the TSV files of several runs into the table and the plot of
# docs/performance.md. Talks to 127.0.0.1 only. (The seed puts the error code ERR-4030 in acme's cases, ERR-4031 in
# globex's.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
label="${1:-run}"
gateway="${GATEWAY_URL:-http://127.0.0.1:8080}"
out_dir="$root/deploy/.run/bench"
mkdir -p "$out_dir"
out="$out_dir/search-$label.tsv"
customer="$("$root/deploy/stack" token alice)"
agent="$("$root/deploy/stack" token sam)"

median_ms() { # token path -> median of 5 (after one warm-up) in ms; fails on a non-200
  local token="$1" path="$2" i code t times=()
  for i in 0 1 2 3 4 5; do
    read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
      "$gateway$path")
    [[ "$code" == 200 ]] || { echo "bench: $path answered $code" >&2; return 1; }
    (( i > 0 )) && times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p | awk '{printf "%.1f", $1 * 1000}'
}

declare -a names paths tokens
add() { names+=("$1"); tokens+=("$2"); paths+=("$3"); }
add "customer list, first page (reference)"   "$customer" "/api/v1/cases"
add "customer list, page 2"                   "$customer" "CURSOR"
add "customer list sort=createdAt"            "$customer" "/api/v1/cases?sort=createdAt"
add "customer open cases"                     "$customer" "/api/v1/cases?status=open"
add "customer state=NEW&state=IN_PROGRESS"    "$customer" "/api/v1/cases?state=NEW&state=IN_PROGRESS"
add "customer priority=P1"                    "$customer" "/api/v1/cases?priority=P1"
add "customer product=Backup"                 "$customer" "/api/v1/cases?product=Backup"
add "customer creator=me"                     "$customer" "/api/v1/cases?creator=me"
add "customer updatedSince (7 days)"          "$customer" "/api/v1/cases?updatedSince=$(date -u -d '7 days ago' +%Y-%m-%dT%H:%M:%SZ)"
add "customer search q=quota (many hits)"     "$customer" "/api/v1/cases?q=quota"
add "customer search q=quota relevance"       "$customer" "/api/v1/cases?q=quota&sort=relevance"
add "customer search q=facture (fr)"          "$customer" "/api/v1/cases?q=facture"
add "customer search q=quota sort=createdAt"  "$customer" "/api/v1/cases?q=quota&sort=createdAt"
add "customer search open P1 q=quota"         "$customer" "/api/v1/cases?q=quota&status=open&priority=P1"
add "customer search two words, no case both" "$customer" "/api/v1/cases?q=quota%20login"
add "customer search error code ERR-4030"     "$customer" "/api/v1/cases?q=ERR-4030"
add "customer search substring 4030"          "$customer" "/api/v1/cases?q=4030"
add "customer search, no hit"                 "$customer" "/api/v1/cases?q=zqxwvnothing"
add "customer search, no hit, relevance"      "$customer" "/api/v1/cases?q=zqxwvnothing&sort=relevance"
add "agent list, first page"                  "$agent"    "/api/v1/cases"
add "agent open cases assigned to agent7"     "$agent"    "/api/v1/cases?status=open&assignee=agent7@casework.example"
add "agent priority=P1 open"                  "$agent"    "/api/v1/cases?priority=P1&status=open"
add "agent search q=quota"                    "$agent"    "/api/v1/cases?q=quota"
add "agent search internal word (shard)"      "$agent"    "/api/v1/cases?q=shard"
add "agent search error code ERR-4031"        "$agent"    "/api/v1/cases?q=ERR-4031"
add "agent search, no hit"                    "$agent"    "/api/v1/cases?q=zqxwvnothing"
add "agent search, no hit, relevance"         "$agent"    "/api/v1/cases?q=zqxwvnothing&sort=relevance"

cursor="$(curl -sf -H "Authorization: Bearer $customer" "$gateway/api/v1/cases" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')"
cases="$(PGPASSWORD="${DB_PASSWORD:-casework}" psql -h 127.0.0.1 -p "${DB_PORT:-5432}" -U "${DB_USER:-casework}" \
  -d casework_cases -qAtc "SELECT reltuples::bigint FROM pg_class WHERE relname = 'support_case'")"
echo "== $label: about $cases cases; median of 5 per request through $gateway (load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-44s %9s %7s\n' request ms ratio
ref=""
: > "$out"
for i in "${!names[@]}"; do
  path="${paths[$i]}"
  [[ "$path" == CURSOR ]] && path="/api/v1/cases?cursor=$cursor"
  ms="$(median_ms "${tokens[$i]}" "$path")"
  [[ -z "$ref" ]] && ref="$ms"
  ratio="$(awk -v a="$ms" -v b="$ref" 'BEGIN {printf "%.2f", a / b}')"
  printf '%-44s %9s %7s\n' "${names[$i]}" "$ms" "$ratio"
  printf '%s\t%s\t%s\t%s\n' "$cases" "${names[$i]}" "$ms" "$ratio" >> "$out"
done
echo "== disk (tables with their indexes and TOAST), per case"
psql_q() { PGPASSWORD="${DB_PASSWORD:-casework}" psql -h 127.0.0.1 -p "${DB_PORT:-5432}" -U "${DB_USER:-casework}" -d "$1" -qAtc "$2"; }
n="$(psql_q casework_cases "SELECT count(*) FROM support_case")"
size_query="SELECT string_agg(format('%s: %s data + %s indexes = %s B per case', t, pg_size_pretty(pg_table_size(t)),
    pg_size_pretty(pg_indexes_size(t)), round(pg_total_relation_size(t)::numeric / $n)), E'\n')
  FROM unnest(ARRAY[TABLES]::regclass[]) AS t"
cases_tables="'support_case', 'case_comment', 'case_history'" sla_tables="'sla_clock'"
psql_q casework_cases "${size_query/TABLES/$cases_tables}" | tee "$out_dir/disk-$label.txt"
psql_q casework_sla "${size_query/TABLES/$sla_tables}" | tee -a "$out_dir/disk-$label.txt"
echo "$n cases; database sizes: cases $(psql_q casework_cases "SELECT pg_size_pretty(pg_database_size('casework_cases'))"), SLA $(psql_q casework_sla "SELECT pg_size_pretty(pg_database_size('casework_sla'))")" | tee -a "$out_dir/disk-$label.txt"
echo "== written to $out and $out_dir/disk-$label.txt"
