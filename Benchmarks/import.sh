#!/usr/bin/env bash
# Import throughput: `raschet synth` data of N accounts imported into a fresh database.
# Usage: Benchmarks/import.sh N [SEED]   (builds the release binary first; data goes to $TMPDIR)
# Prints rows, wall and CPU seconds, rows/s and peak RSS (from /usr/bin/time -v).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/import.sh N [SEED]}
seed=${2:-1}
swift build -c release --product raschet >/dev/null
bin=.build/release/raschet
work=${TMPDIR:-/tmp}/raschet-bench-import-$n
rm -rf "$work" && mkdir -p "$work"
"$bin" synth --accounts "$n" --out "$work/data" --seed "$seed" --period 2026-10 >/dev/null
"$bin" init --db "$work/db.sqlite" >/dev/null
/usr/bin/time -v "$bin" import auto "$work"/data/*.csv --db "$work/db.sqlite" >"$work/out.txt" 2>"$work/time.txt"
rows=$(awk '{ s += $2 } END { print s }' "$work/out.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { split($2, t, ":"); print (length(t) == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2]) }' "$work/time.txt")
user=$(awk -F': ' '/User time/ { print $2 }' "$work/time.txt")
sys=$(awk -F': ' '/System time/ { print $2 }' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
echo "accounts=$n rows=$rows wall=${wall}s user=${user}s sys=${sys}s rows_per_s=$(awk -v r="$rows" -v w="$wall" 'BEGIN { printf "%.0f", r / w }') peak_rss=${rss}MiB db=$(du -m "$work/db.sqlite" | cut -f1)MiB"
rm -rf "$work"
