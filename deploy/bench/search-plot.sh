#!/usr/bin/env bash
# Table and plot of deploy/bench/search.sh results (deploy/bench/search-report.py: Python's standard library only):
# latency of each request against the number of cases (log-log), one line per request, from the given runs or from
# every deploy/.run/bench/search-*.tsv.
#   deploy/bench/search-plot.sh [--svg OUT.svg] [RUN.tsv...]     (default OUT: docs/performance/search-latency.svg)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
svg="$root/docs/performance/search-latency.svg"
if [[ "${1:-}" == --svg ]]; then svg="$2"; shift 2; fi
if [[ $# -eq 0 ]]; then set -- "$root"/deploy/.run/bench/search-*.tsv; fi
exec python3 "$root/deploy/bench/search-report.py" --svg "$svg" "$@"
