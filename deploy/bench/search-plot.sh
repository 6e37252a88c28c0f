#!/usr/bin/env bash
# Plot of deploy/bench/search.sh results: latency of each request against the number of cases (log-log), one line per
# request, from deploy/.run/bench/search-*.tsv.   deploy/bench/search-plot.sh [OUT.png]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/docs/performance/search-latency.png}"
command -v gnuplot >/dev/null || { echo "search-plot: gnuplot is missing (apt-get install gnuplot-nox)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat "$root"/deploy/.run/bench/search-*.tsv > "$work/all.tsv"
plot=""
i=0
while IFS= read -r name; do
  i=$((i + 1))
  awk -F'\t' -v n="$name" '$2 == n { print $1, $3 }' "$work/all.tsv" | sort -n > "$work/$i.dat"
  plot+="${plot:+, }'$work/$i.dat' using 1:2 with linespoints title '${name//\'/}'"
done < <(cut -f2 "$work/all.tsv" | awk '!seen[$0]++')
gnuplot <<GP
set terminal pngcairo size 1200,700 font "sans,9" noenhanced
set output "$out"
set title "GET /api/v1/cases through the gateway: median of 5 (ms) against the number of cases"
set logscale xy
set xlabel "cases in case-service's database"
set ylabel "ms"
set key outside right top
set grid
plot $plot
GP
echo "written: $out"
