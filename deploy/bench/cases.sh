#!/usr/bin/env bash
# Benchmark of case-service against the running stack (deploy/stack up), side by side with
# PostgreSQL's own single-row INSERT rate (pgbench) measured in the same run.
#   deploy/bench/cases.sh [duration-seconds] [connections]
# Prints creations/s, reads/s, errors and the ratio to pgbench. Talks to 127.0.0.1 only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
duration="${1:-20}"
connections="${2:-8}"
service="${CASE_SERVICE_URL:-http://127.0.0.1:8081}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

token="$("$root/deploy/stack" token alice)"
export TOKEN="$token"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== warm-up (5 s)"
wrk -t2 -c"$connections" -d5s -s "$root/deploy/bench/post-case.lua" "$service/api/v1/cases" >/dev/null

echo "== case creation: POST /api/v1/cases, $connections connections, ${duration}s"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/deploy/bench/post-case.lua" "$service/api/v1/cases" | tee "$work/post.txt"
id="$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"product":"Cloud Mail","subject":"Read me","description":"x","priority":"P4"}' "$service/api/v1/cases" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')"
export CASE_PATH="/api/v1/cases/$id"

echo "== case read: GET /api/v1/cases/{id}, $connections connections, ${duration}s"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/deploy/bench/get-case.lua" "$service" | tee "$work/get.txt"

echo "== PostgreSQL single-row INSERT (pgbench, $connections clients, prepared, ${duration}s)"
export PGPASSWORD="${DB_PASSWORD:-casework}"
pg="-h 127.0.0.1 -p ${DB_PORT:-5432} -U ${DB_USER:-casework}"
"$pg_bin/psql" $pg -d casework_cases -qc "DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (id bigserial PRIMARY KEY, subject text, created_at timestamptz default now())"
echo "INSERT INTO bench_insert (subject) VALUES ('benchmark row');" > "$work/insert.sql"
"$pg_bin/pgbench" $pg -n -M prepared -c "$connections" -j 2 -T "$duration" -f "$work/insert.sql" casework_cases \
  | tee "$work/pgbench.txt"
"$pg_bin/psql" $pg -d casework_cases -qc "DROP TABLE bench_insert"

creates=$(awk '/Requests\/sec/ {print $2}' "$work/post.txt")
reads=$(awk '/Requests\/sec/ {print $2}' "$work/get.txt")
tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench.txt")
post_err=$(grep -E "Non-2xx|Socket errors" "$work/post.txt" || true)
get_err=$(grep -E "Non-2xx|Socket errors" "$work/get.txt" || true)
echo
echo "== summary (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "== summary ($connections clients, ${duration}s each, one run)"
printf 'case creations/s : %s  (%s)\n' "$creates" "${post_err:-no errors}"
printf 'case reads/s     : %s  (%s)\n' "$reads" "${get_err:-no errors}"
printf 'pgbench INSERT/s : %s\n' "$tps"
awk -v c="$creates" -v r="$reads" -v t="$tps" 'BEGIN {
  printf "creations / pgbench INSERT = %.2f\nreads / pgbench INSERT     = %.2f\n", c / t, r / t }'
