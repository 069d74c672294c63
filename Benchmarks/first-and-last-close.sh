#!/usr/bin/env bash
# The first and the last of MONTHS consecutive closes, timed side by side: `raschet synth --months
# MONTHS` data of N accounts; a database with the first month imported, and one with every month
# imported and all but the last closed (each closed by the incremental close); then PAIRS rounds,
# each closing a fresh copy of the first state and of the last, one after the other. Prints each
# close's wall and CPU (user + sys) seconds, their means and the ratio last ÷ first. The legal
# default rules (no settings file).
# Usage: Benchmarks/first-and-last-close.sh N [BIN]   (BIN: a built raschet; default: builds release)
# Environment: MONTHS (default 36), PAIRS (default 8), HISTORY (synth's --history-months, default 4),
# TMPDIR (the work folder's parent, default /tmp), KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/first-and-last-close.sh N [BIN]}
bin=${2:-}
if [ -z "$bin" ]; then swift build -c release --product raschet >/dev/null; bin=.build/release/raschet; fi
work=${TMPDIR:-/tmp}/raschet-bench-first-last-$n
rm -rf "$work" && mkdir -p "$work"
export RASCHET_TODAY=2026-11-20
"$bin" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 --months "${MONTHS:-36}" \
  --history-months "${HISTORY:-4}" >/dev/null
months=()
for dir in "$work"/data/*/; do months+=("$(basename "$dir")"); done
first=${months[0]}; last=${months[${#months[@]}-1]}
"$bin" init --db "$work/first.sqlite" >/dev/null
"$bin" import auto "$work/data/$first"/*.csv --db "$work/first.sqlite" >/dev/null
"$bin" init --db "$work/last.sqlite" >/dev/null
for m in "${months[@]}"; do
  "$bin" import auto "$work/data/$m"/*.csv --db "$work/last.sqlite" >/dev/null
  [ "$m" = "$last" ] || "$bin" close "$m" --db "$work/last.sqlite" >/dev/null
done
for round in $(seq 1 "${PAIRS:-8}"); do
  for which in first last; do
    period=$first; [ $which = last ] && period=$last
    rm -f "$work/run.sqlite" "$work/run.sqlite-wal" "$work/run.sqlite-shm"
    cp "$work/$which.sqlite" "$work/run.sqlite"
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$bin" close "$period" --db "$work/run.sqlite" \
      >/dev/null 2>>"$work/closes.stderr"
    read -r wall user sys <"$work/time.txt"
    printf '%-5s %s  %5.2f s wall %5.2f s cpu\n' "$which" "$period" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
  done
done | tee "$work/closes.txt"
awk '{ wall[$1] += $3; cpu[$1] += $6; n[$1]++ }
  END { fw = wall["first"] / n["first"]; fc = cpu["first"] / n["first"]; lw = wall["last"] / n["last"]; lc = cpu["last"] / n["last"]
        printf "means: first %.3f s wall %.3f s cpu, last %.3f s wall %.3f s cpu; last / first %.3f wall %.3f cpu\n", fw, fc, lw, lc, lw / fw, lc / fc }' \
  "$work/closes.txt"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
