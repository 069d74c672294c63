#!/usr/bin/env bash
# Later closes against the first: `raschet synth --months 4` data of N accounts, each month's folder
# imported and then closed, once with the incremental close (default) and once with
# `--full-recompute` (every earlier period recomputed, every earlier line read: the previous
# algorithm), each on its own database.
# Usage: Benchmarks/later-closes.sh N [SEED] [BIN]   (BIN: a built raschet; default: builds release)
# Prints per mode and month: wall, user, sys seconds and peak RSS of the close, and its ratio to the
# first close of the same mode (wall and CPU).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/later-closes.sh N [SEED] [BIN]}
seed=${2:-1}
bin=${3:-}
if [ -z "$bin" ]; then swift build -c release --product raschet >/dev/null; bin=.build/release/raschet; fi
work=${TMPDIR:-/tmp}/raschet-bench-later-$n
rm -rf "$work" && mkdir -p "$work"
months=(2026-10 2026-11 2026-12 2027-01)
export RASCHET_TODAY=2026-11-20
"$bin" synth --accounts "$n" --out "$work/data" --seed "$seed" --period 2026-10 --months 4 >/dev/null
for mode in incremental full; do
  flag=(); [ "$mode" = full ] && flag=(--full-recompute)
  db="$work/$mode.sqlite"
  "$bin" init --db "$db" >/dev/null
  first_wall=""; first_cpu=""
  for m in "${months[@]}"; do
    "$bin" import auto "$work/data/$m"/*.csv --db "$db" >/dev/null
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$bin" close "$m" --db "$db" "${flag[@]}" >/dev/null
    read -r wall user sys rss <"$work/time.txt"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    [ -z "$first_wall" ] && first_wall=$wall && first_cpu=$cpu
    printf '%-11s %s  %6.2f s wall %6.2f user %5.2f sys %7d KB  x%.2f wall  x%.2f cpu\n' "$mode" "$m" "$wall" "$user" "$sys" "$rss" \
      "$(awk -v a="$wall" -v b="$first_wall" 'BEGIN { print a / b }')" "$(awk -v a="$cpu" -v b="$first_cpu" 'BEGIN { print a / b }')"
  done
done
for what in charges balances payments; do
  for m in "${months[@]}"; do
    cmp -s <("$bin" export "$what" --period "$m" --db "$work/incremental.sqlite") \
           <("$bin" export "$what" --period "$m" --db "$work/full.sqlite") \
      || { echo "exports differ: $what $m"; exit 1; }
  done
done
echo "exports of both modes identical (charges, balances, payments, every month)"
rm -rf "$work"
