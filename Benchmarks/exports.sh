#!/usr/bin/env bash
# Exports: a closed `raschet synth` month of N accounts exported by every export in both formats.
# Usage: Benchmarks/exports.sh N [BINARY]   (default: builds and uses the release binary; data in $TMPDIR)
# Prints per export: wall and CPU seconds, peak RSS (from /usr/bin/time -v) and the output's size.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/exports.sh N [BINARY]}
if [ -n "${2:-}" ]; then bin=$2; else swift build -c release --product raschet >/dev/null; bin=.build/release/raschet; fi
work=${TMPDIR:-/tmp}/raschet-bench-exports-$n
if [ ! -f "$work/closed" ]; then
  rm -rf "$work" && mkdir -p "$work"
  "$bin" synth --accounts "$n" --seed 1 --period 2026-10 --out "$work/data" >/dev/null
  "$bin" init --db "$work/x.sqlite" >/dev/null
  "$bin" import auto "$work"/data/*.csv --db "$work/x.sqlite" >/dev/null
  RASCHET_TODAY=2026-11-20 "$bin" close 2026-10 --db "$work/x.sqlite" >/dev/null || true
  touch "$work/closed"
fi
measure() {
  # Standard output into a file (the same writer as --out, and what a binary before --out can do).
  /usr/bin/time -v "$bin" export "$@" --db "$work/x.sqlite" >"$work/out" 2>"$work/time.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { split($2, t, ":"); print (length(t) == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2]) }' "$work/time.txt")
  user=$(awk -F': ' '/User time/ { print $2 }' "$work/time.txt")
  sys=$(awk -F': ' '/System time/ { print $2 }' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
  echo "accounts=$n export $* wall=${wall}s user=${user}s sys=${sys}s peak_rss=${rss}MiB out=$(du -m "$work/out" | cut -f1)MiB"
}
for format in json csv; do
  for what in charges balances payments; do measure "$what" --period 2026-10 --format "$format"; done
  measure turnover --from 2026-10 --to 2026-10 --format "$format"
done
