#!/usr/bin/env bash
# The first and the last of MONTHS consecutive closes, timed side by side: `raschet synth --months
# MONTHS` data of N accounts; a database with the first month imported, and one with every month
# imported and all but the last closed (each closed by the incremental close); then PAIRS rounds,
# each closing a fresh copy of the first state and of the last, one after the other. Prints each
# close's wall and CPU (user + sys) seconds, their means and medians and the ratios last ÷ first.
# With INSTRUCTIONS=1, then each close once more under callgrind (valgrind; a copy of BIN without
# debug information, which valgrind 3.19 cannot read): the instructions each executes and their
# ratio, the one figure a busy or different machine does not move. The legal default rules (no
# settings file).
# Usage: Benchmarks/first-and-last-close.sh N [BIN]   (BIN: a built raschet; default: builds release)
# Environment: MONTHS (default 36), PAIRS (default 8), HISTORY (synth's --history-months, default 4),
# TMPDIR (the work folder's parent, default /tmp), KEEP=1 keeps the work folder, INSTRUCTIONS=1.
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
    cp "$work/$which.sqlite" "$work/run.sqlite" && sync "$work/run.sqlite"   # on disk, as a center's database is
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
# median WHICH FIELD: the median of one column of one kind of close.
median() {
  awk -v which="$1" -v field="$2" '$1 == which { print $field }' "$work/closes.txt" | sort -n |
    awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
awk -v fw="$(median first 3)" -v fc="$(median first 6)" -v lw="$(median last 3)" -v lc="$(median last 6)" 'BEGIN {
  printf "medians: first %.3f s wall %.3f s cpu, last %.3f s wall %.3f s cpu; last / first %.3f wall %.3f cpu\n", fw, fc, lw, lc, lw / fw, lc / fc }'
if [ "${INSTRUCTIONS:-0}" = 1 ]; then
  strip --strip-debug -o "$work/raschet-stripped" "$bin"
  for which in first last; do
    period=$first; [ $which = last ] && period=$last
    rm -f "$work/run.sqlite" "$work/run.sqlite-wal" "$work/run.sqlite-shm"
    cp "$work/$which.sqlite" "$work/run.sqlite"
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/raschet-stripped" close "$period" \
      --db "$work/run.sqlite" >/dev/null 2>"$work/callgrind-$which.txt"
  done
  awk -v f="$(awk '/Collected :/ { print $NF }' "$work/callgrind-first.txt")" \
      -v l="$(awk '/Collected :/ { print $NF }' "$work/callgrind-last.txt")" \
    'BEGIN { printf "instructions: first %.3f G, last %.3f G; last / first %.3f\n", f / 1e9, l / 1e9, l / f }'
fi
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
