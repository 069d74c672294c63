#!/usr/bin/env bash
# A whole month at scale: every stage of Raschet on `raschet synth` data of N accounts, with the sqlite3
# shell loading the same CSV files in the same run as the anchor (SQLite's own loader, no checks).
# Usage: Benchmarks/scale.sh [N ...]        (default: 10000 100000 1000000)
# Environment: RASCHET_BIN (a release binary; default: build one), WORK (scratch folder, default
# $TMPDIR/raschet-bench-scale), KEEP=1 keeps each size's data and database, MONTHS (closes per size,
# default 3; 1 measures the first month only), RECEIPT_FILES (`render receipts --files`: e-receipts, the
# default, renders each receipt once as it is delivered: the paper ones into the print batch, a PDF/A-3b
# file per e-receipt account; all adds a file per paper receipt, as runs before 2026-12-04 measured).
# Prints a table per size (wall, CPU = user + sys, peak RSS, from /usr/bin/time) with each stage's
# ratio to the sqlite3 load, then the growth from each size to the next: the month's wall time, and
# each stage's wall and CPU time.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/anchor-sql.sh
root=$PWD
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
if [ -z "${RASCHET_BIN:-}" ]; then
  swift build -c release --product raschet >/dev/null
  bin=$root/.build/release/raschet
else
  bin=$RASCHET_BIN
fi
work=${WORK:-${TMPDIR:-/tmp}/raschet-bench-scale}
config=$root/Fixtures/raschet.toml
export SOURCE_DATE_EPOCH=1793491200 RASCHET_TODAY=2026-11-20
months=${MONTHS:-3}   # closes per size: 2026-10 (the first), then later months with late and corrected data
receipt_files=${RECEIPT_FILES:-e-receipts}

# measure LABEL COMMAND...: runs the command under /usr/bin/time; records wall, CPU and peak RSS.
measure() {
  local label=$1; shift
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$dir/$label.time" "$@" >"$dir/$label.out" 2>"$dir/$label.err" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 65 ]; then
    echo "$label failed with exit $status:" >&2; tail -5 "$dir/$label.err" >&2; exit 1
  fi
  read -r w u s m <"$dir/$label.time"
  labels+=("$label"); walls+=("$w"); cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
  rsss+=("$(awk -v m="$m" 'BEGIN { printf "%.0f", m / 1024 }')")
  stage_wall[$n:$label]=$w
  stage_cpu[$n:$label]=${cpus[-1]}
}

declare -A total_wall stage_wall stage_cpu
for n in "${sizes[@]}"; do
  dir=$work/$n
  rm -rf "$dir" && mkdir -p "$dir"
  labels=(); walls=(); cpus=(); rsss=()
  measure synth "$bin" synth --accounts "$n" --out "$dir/data" --seed 1 --period 2026-10 --months "$months"
  first=$(ls -d "$dir"/data/*/ 2>/dev/null | head -1 || true)
  [ -n "$first" ] || first=$dir/data/   # one month: synth writes its files straight into data/

  # The anchor: the sqlite3 shell loading the first month's files into plain tables, one transaction, no journal.
  anchor_sql "$first"*.csv >"$dir/anchor.sql"
  measure sqlite3-import sqlite3 "$dir/anchor.sqlite" ".read $dir/anchor.sql"
  rm -f "$dir/anchor.sqlite"

  db=$dir/db.sqlite
  "$bin" init --db "$db" >/dev/null
  measure import "$bin" import auto "$first"*.csv --db "$db"
  measure close-first "$bin" close 2026-10 --db "$db" --config "$config"
  for kind in charges balances payments; do
    measure "export-$kind" "$bin" export "$kind" --period 2026-10 --format csv --db "$db" --out "$dir/$kind.csv"
  done
  measure receipts "$bin" render receipts --period 2026-10 --out "$dir/receipts" --batch "$dir/batch.pdf" \
    --files "$receipt_files" --db "$db" --config "$config"
  measure outbox "$bin" dispatch --period 2026-10 --dry-run --receipts "$dir/receipts" --db "$db" --config "$config"
  i=1
  for month in $(ls -d "$dir"/data/*/ 2>/dev/null | tail -n +2); do
    i=$((i + 1)); period=$(basename "$month")
    measure "import-$i" "$bin" import auto "$month"*.csv --db "$db"
    measure "close-$i" "$bin" close "$period" --db "$db" --config "$config"
  done

  anchor=${walls[1]}
  first_close=${walls[3]}
  echo
  echo "== $n accounts ($(du -sm "$first" | cut -f1) MB of CSV for the first month; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '%-16s %10s %10s %10s %14s %12s\n' stage "wall s" "CPU s" "RSS MiB" "÷ sqlite3" "÷ 1st close"
  sum=0; exports=0
  for k in "${!labels[@]}"; do
    l=${labels[$k]}
    printf '%-16s %10.2f %10.2f %10d %14s %12s\n' "$l" "${walls[$k]}" "${cpus[$k]}" "${rsss[$k]}" \
      "$(awk -v a="${walls[$k]}" -v b="$anchor" 'BEGIN { printf "%.2f", a / b }')" \
      "$(case $l in close-*) awk -v a="${walls[$k]}" -v b="$first_close" 'BEGIN { printf "%.2f", a / b }';; esac)"
    case $l in synth|sqlite3-import|import-*|close-[0-9]*) ;; *) sum=$(awk -v a="$sum" -v b="${walls[$k]}" 'BEGIN { print a + b }');; esac
    case $l in export-*) exports=$(awk -v a="$exports" -v b="${walls[$k]}" 'BEGIN { print a + b }');; esac
  done
  echo "the month (import, first close, exports, receipts --files $receipt_files, outbox): $(printf '%.1f' "$sum") s wall;" \
    "without the exports (the issue's month): $(awk -v a="$sum" -v b="$exports" 'BEGIN { printf "%.1f", a - b }') s"
  echo "outbox: $(head -1 "$dir/outbox.out")"
  total_wall[$n]=$sum
  # Removed only now: deleting the million receipt files of 10^6 (about 43 GB with --files all) takes minutes of disk time
  # that would otherwise fall into the later months' stages.
  [ "${KEEP:-0}" = 1 ] || rm -rf "$dir"
done

if [ ${#sizes[@]} -gt 1 ]; then
  echo
  for ((k = 1; k < ${#sizes[@]}; k++)); do
    a=${sizes[$((k - 1))]}; b=${sizes[$k]}
    echo "growth $a -> $b accounts: the month's wall time x$(awk -v x="${total_wall[$b]}" -v y="${total_wall[$a]}" 'BEGIN { printf "%.2f", x / y }') for x$((b / a)) accounts"
  done
  echo
  echo "growth per stage (wall / CPU time at the larger size ÷ at the smaller):"
  header=$(printf '%-16s' stage)
  for ((k = 1; k < ${#sizes[@]}; k++)); do header+=$(printf ' %22s' "${sizes[$((k - 1))]} -> ${sizes[$k]}"); done
  echo "$header"
  for l in "${labels[@]}"; do
    row=$(printf '%-16s' "$l")
    for ((k = 1; k < ${#sizes[@]}; k++)); do
      a=${sizes[$((k - 1))]}; b=${sizes[$k]}
      row+=$(awk -v wa="${stage_wall[$a:$l]}" -v wb="${stage_wall[$b:$l]}" -v ca="${stage_cpu[$a:$l]}" -v cb="${stage_cpu[$b:$l]}" \
        'BEGIN { printf " %22s", sprintf("x%.2f / x%.2f", wb / wa, (ca > 0 ? cb / ca : 0)) }')
    done
    echo "$row"
  done
fi
[ "${KEEP:-0}" = 1 ] || rmdir "$work" 2>/dev/null || true
