#!/usr/bin/env bash
# Later closes against the first: `raschet synth --months MONTHS` data of N accounts, each month's
# folder imported and then closed, once with the incremental close (default) and once with
# `--full-recompute` (every earlier period recomputed, every earlier line read: the previous
# algorithm), each on its own database, with the legal default rules (no settings file).
# Usage: Benchmarks/later-closes.sh N [SEED] [BIN]   (BIN: a built raschet; default: builds release)
# Environment: MONTHS (default 4), MODES (default "incremental full"; with one mode the exports are
# not compared), HISTORY (synth's --history-months, default 4).
# Prints per mode and month: wall, user, sys seconds and peak RSS of the close, and its ratio to the
# first close of the same mode (wall and CPU); the close's own --timings (load, compute, save, summed
# over the threads doing each) go to $work/MODE-MONTH.timings.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/later-closes.sh N [SEED] [BIN]}
seed=${2:-1}
bin=${3:-}
if [ -z "$bin" ]; then swift build -c release --product raschet >/dev/null; bin=.build/release/raschet; fi
work=${TMPDIR:-/tmp}/raschet-bench-later-$n
rm -rf "$work" && mkdir -p "$work"
read -r -a modes <<<"${MODES:-incremental full}"
export RASCHET_TODAY=2026-11-20
"$bin" synth --accounts "$n" --out "$work/data" --seed "$seed" --period 2026-10 --months "${MONTHS:-4}" \
  --history-months "${HISTORY:-4}" >/dev/null
months=()
for dir in "$work"/data/*/; do months+=("$(basename "$dir")"); done
for mode in "${modes[@]}"; do
  flag=(); [ "$mode" = full ] && flag=(--full-recompute)
  db="$work/$mode.sqlite"
  "$bin" init --db "$db" >/dev/null
  first_wall=""; first_cpu=""
  for m in "${months[@]}"; do
    "$bin" import auto "$work/data/$m"/*.csv --db "$db" >/dev/null
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$bin" close "$m" --db "$db" "${flag[@]}" --timings \
      | grep '^timings:' >"$work/$mode-$m.timings"
    read -r wall user sys rss <"$work/time.txt"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    [ -z "$first_wall" ] && first_wall=$wall && first_cpu=$cpu
    printf '%-11s %s  %6.2f s wall %6.2f user %5.2f sys %7d KB  x%.2f wall  x%.2f cpu\n' "$mode" "$m" "$wall" "$user" "$sys" "$rss" \
      "$(awk -v a="$wall" -v b="$first_wall" 'BEGIN { print a / b }')" "$(awk -v a="$cpu" -v b="$first_cpu" 'BEGIN { print a / b }')"
    echo "            $(cat "$work/$mode-$m.timings")"
  done
done
[ "${#modes[@]}" = 2 ] || { rm -rf "$work"; exit 0; }
for what in charges balances payments; do
  for m in "${months[@]}"; do
    cmp -s <("$bin" export "$what" --period "$m" --db "$work/incremental.sqlite") \
           <("$bin" export "$what" --period "$m" --db "$work/full.sqlite") \
      || { echo "exports differ: $what $m"; exit 1; }
  done
done
echo "exports of both modes identical (charges, balances, payments, every month)"
rm -rf "$work"
