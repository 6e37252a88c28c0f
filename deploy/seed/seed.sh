#!/usr/bin/env bash
# Bulk data for benchmarks (deploy/stack seed; docs/performance.md, "Search and lists at scale"):
#   deploy/seed/seed.sh --cases N [--orgs acme,globex] [--workers W] [--batch B] [--rebuild-indexes|--keep-indexes]
# adds N generated cases to case-service's database (deploy/seed/case-service.sql: 2 comments, 3 history entries and
# the search columns of each case, set-based, in batches of B cases, W sessions side by side), then their first-response
# SLA clocks to sla-service's (deploy/seed/sla-service.sql, COPY between the databases), then ANALYZE.
#
# A seed that adds at least as many cases as the tables hold (and 100,000 or more) drops the secondary indexes of the
# tables it fills first and builds them again at the end (W at a time): one sorted build is far cheaper than keeping a
# GIN or B-tree index current row by row. Primary keys and unique indexes stay (they check the data). The indexes are
# built again however the seed ends (an EXIT trap); while they are missing the services answer lists and searches
# slowly: seed an idle stack. The seed sessions run with synchronous_commit off (a crash loses at most the last batches,
# never consistency).
#
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD as for psql; databases CASES_DB (casework_cases), SLA_DB (casework_sla).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cases_db="${CASES_DB:-casework_cases}"
sla_db="${SLA_DB:-casework_sla}"
usage="usage: deploy/stack seed --cases N [--orgs acme,globex] [--workers W] [--batch B] [--rebuild-indexes|--keep-indexes]"
cases="" orgs="acme,globex" workers=2 batch=100000 rebuild=auto
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cases) cases="${2:-}"; shift 2 ;;
    --orgs) orgs="${2:-}"; shift 2 ;;
    --workers) workers="${2:-}"; shift 2 ;;
    --batch) batch="${2:-}"; shift 2 ;;
    --rebuild-indexes) rebuild=yes; shift ;;
    --keep-indexes) rebuild=no; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
for v in "$cases" "$workers" "$batch"; do
  [[ "$v" =~ ^[0-9]+$ && "$v" -gt 0 ]] || { echo "$usage" >&2; exit 2; }
done
[[ "$orgs" =~ ^[a-z0-9,-]+$ ]] || { echo "--orgs: organization ids separated by commas" >&2; exit 2; }

psql=(psql -v ON_ERROR_STOP=1 -qAtX)
log() { printf '%s seed: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }
"${psql[@]}" -d "$cases_db" -c 'SELECT 1' >/dev/null || { echo "seed: PostgreSQL is not reachable" >&2; exit 1; }

work="$(mktemp -d)"
existing="$("${psql[@]}" -d "$cases_db" -c 'SELECT count(*) FROM support_case')"
if [[ "$rebuild" == auto ]]; then
  rebuild=no
  (( cases >= 100000 && cases >= existing )) && rebuild=yes
fi

# Secondary indexes (not primary, not unique, no constraint) of the tables a seed fills, as CREATE INDEX IF NOT EXISTS
# statements, largest first (the GIN indexes), so that W sessions finish at about the same time.
secondary_indexes() { # db tables...
  local db="$1"; shift
  local tables; tables="$(printf "'%s'::regclass," "$@")"
  "${psql[@]}" -d "$db" -c "SELECT replace(pg_get_indexdef(i.indexrelid), 'CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS ')
      FROM pg_index i WHERE i.indrelid IN (${tables%,}) AND NOT i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY (SELECT amname FROM pg_am a JOIN pg_class r ON r.relam = a.oid WHERE r.oid = i.indexrelid) = 'gin' DESC,
        i.indrelid, i.indexrelid"
}
index_names() { sed -n 's/^CREATE INDEX IF NOT EXISTS \([^ ]*\) ON .*/\1/p' "$1"; }

# W sessions build the indexes of a file, each its share (index i to session i mod W).
build_indexes() { # db file
  local db="$1" file="$2" w pids=()
  for (( w = 0; w < workers; w++ )); do
    awk -v w="$w" -v n="$workers" '(NR - 1) % n == w { print $0 ";" }' "$file" > "$work/build-$db-$w.sql"
    [[ -s "$work/build-$db-$w.sql" ]] || continue
    "${psql[@]}" -d "$db" -c "SET maintenance_work_mem = '${SEED_MAINTENANCE_WORK_MEM:-512MB}'" \
      -f "$work/build-$db-$w.sql" & pids+=($!)
  done
  local failed=0 pid
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  return "$failed"
}

restore_indexes() {
  local status=$?
  if [[ -s "$work/cases-indexes.sql" && ! -e "$work/cases-built" ]]; then
    log "building the indexes of case-service's tables again after an error"
    build_indexes "$cases_db" "$work/cases-indexes.sql" || true
  fi
  if [[ -s "$work/sla-indexes.sql" && ! -e "$work/sla-built" ]]; then
    build_indexes "$sla_db" "$work/sla-indexes.sql" || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap restore_indexes EXIT
trap 'exit 130' INT TERM

start=$(now)
log "$cases cases into $cases_db (holding $existing), $workers sessions, batches of $batch, secondary indexes rebuilt: $rebuild"
if [[ "$rebuild" == yes ]]; then
  secondary_indexes "$cases_db" support_case case_comment case_history > "$work/cases-indexes.sql"
  "${psql[@]}" -d "$cases_db" -c "DROP INDEX IF EXISTS $(index_names "$work/cases-indexes.sql" | paste -sd, -)"
  log "dropped $(wc -l < "$work/cases-indexes.sql") secondary indexes of support_case, case_comment, case_history"
fi

# Batch b adds cases existing + b * batch + 1 ...; session w takes the batches b with b mod W = w.
batches=$(( (cases + batch - 1) / batch ))
seed_worker() { # w
  local b n first
  for (( b = $1; b < batches; b += workers )); do
    first=$(( b * batch ))
    n=$(( cases - first < batch ? cases - first : batch ))
    "${psql[@]}" -d "$cases_db" -c 'SET synchronous_commit = off' -c 'BEGIN' -f "$here/case-service.sql" \
      -c "SELECT pg_temp.seed_cases($n, string_to_array('$orgs', ','), $(( existing + first )), $(( existing + cases )))" \
      -c 'COMMIT' >/dev/null
    log "batch $(( b + 1 )) of $batches: $n cases"
  done
}
pids=()
for (( w = 0; w < workers && w < batches; w++ )); do seed_worker "$w" & pids+=($!); done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
(( failed == 0 )) || { echo "seed: seeding cases failed" >&2; exit 1; }
rows_s="$(elapsed "$start")"
log "cases, comments and history written in $rows_s s"

if [[ "$rebuild" == yes ]]; then
  t=$(now)
  build_indexes "$cases_db" "$work/cases-indexes.sql" || { echo "seed: building indexes failed" >&2; exit 1; }
  touch "$work/cases-built"
  index_s="$(elapsed "$t")"
  log "$(wc -l < "$work/cases-indexes.sql") secondary indexes built in $index_s s"
fi

t=$(now)
if [[ "$rebuild" == yes ]]; then
  secondary_indexes "$sla_db" sla_clock > "$work/sla-indexes.sql"
  "${psql[@]}" -d "$sla_db" -c "DROP INDEX IF EXISTS $(index_names "$work/sla-indexes.sql" | paste -sd, -)"
fi
"${psql[@]}" -d "$cases_db" -c "COPY (SELECT id, organization, priority, created_at, first_responded_at FROM support_case
    WHERE creator LIKE 'customer@%.example' AND first_responded_at IS NOT NULL) TO STDOUT" \
  | "${psql[@]}" -d "$sla_db" -c 'SET synchronous_commit = off' -c 'BEGIN' \
      -c 'CREATE TEMP TABLE seed_case_sla (case_id uuid, organization text, priority text, created_at timestamptz,
          first_responded_at timestamptz) ON COMMIT DROP' \
      -c '\copy seed_case_sla FROM pstdin' -f "$here/sla-service.sql" -c 'COMMIT' >/dev/null
if [[ "$rebuild" == yes ]]; then
  build_indexes "$sla_db" "$work/sla-indexes.sql" || { echo "seed: building sla_clock indexes failed" >&2; exit 1; }
  touch "$work/sla-built"
fi
log "SLA clocks written in $(elapsed "$t") s"

t=$(now)
"${psql[@]}" -d "$cases_db" -c 'ANALYZE support_case' -c 'ANALYZE case_comment' -c 'ANALYZE case_history' &
"${psql[@]}" -d "$sla_db" -c 'ANALYZE sla_clock'
wait
log "analyzed in $(elapsed "$t") s"
total_s="$(elapsed "$start")"
log "$cases cases added in $total_s s ($(awk -v s="$total_s" -v n="$cases" 'BEGIN {printf "%.0f", s * 1000000 / n}') µs per case); now $("${psql[@]}" -d "$cases_db" -c \
  "SELECT count(*) || ' cases; cases, comments, history with indexes ' || pg_size_pretty(pg_total_relation_size('support_case')
    + pg_total_relation_size('case_comment') + pg_total_relation_size('case_history')) FROM support_case")"
