#!/usr/bin/env bash
# Same output from two builds: the check every performance change here passes before it is merged.
# Usage: Benchmarks/same-output.sh OLD_BINARY NEW_BINARY [N]   (N accounts, default 10000)
#
# `raschet synth` writes 3 months of N accounts (seed 1); each binary imports and closes them month by
# month into its own database and exports every month's charges, balances and payments (CSV); then
# each renders the first month's receipts (separate PDF/A files and the print batch). Every export,
# every receipt file and the batch must be byte-identical, and `qpdf --check` must pass on the new
# binary's batch and on every 100th of its files. Prints one line per check and exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "${1:?usage: Benchmarks/same-output.sh OLD_BINARY NEW_BINARY [N]}")
new=$(realpath "${2:?usage: Benchmarks/same-output.sh OLD_BINARY NEW_BINARY [N]}")
n=${3:-10000}
export SOURCE_DATE_EPOCH=1793491200 RASCHET_TODAY=2026-11-20 RASCHET_HOME=$PWD
config=$PWD/Fixtures/raschet.toml
work=$(mktemp -d "${TMPDIR:-/tmp}/raschet-same-output.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$old" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 --months 3 >/dev/null
months=$(cd "$work/data" && ls -d */ | tr -d /)
first=$(echo "$months" | head -1)
for side in old new; do
  bin=${!side}
  "$bin" init --db "$work/$side.sqlite" >/dev/null
  for month in $months; do
    "$bin" import auto "$work/data/$month"/*.csv --db "$work/$side.sqlite" >/dev/null
    "$bin" close "$month" --db "$work/$side.sqlite" --config "$config" >/dev/null 2>&1
    for kind in charges balances payments; do
      "$bin" export "$kind" --period "$month" --db "$work/$side.sqlite" --format csv --out "$work/$side-$month-$kind.csv" 2>/dev/null
    done
  done
  "$bin" render receipts --period "$first" --out "$work/$side-receipts" --batch "$work/$side-batch.pdf" \
    --db "$work/$side.sqlite" --config "$config" >/dev/null 2>&1
done

status=0
for month in $months; do
  for kind in charges balances payments; do
    if cmp -s "$work/old-$month-$kind.csv" "$work/new-$month-$kind.csv"; then
      echo "same: export $kind $month ($(wc -l <"$work/new-$month-$kind.csv") lines)"
    else
      echo "DIFFERENT: export $kind $month"; status=1
    fi
  done
done
files=$(ls "$work/old-receipts" | wc -l)
if diff -rq "$work/old-receipts" "$work/new-receipts" >/dev/null; then
  echo "same: $files receipt files of $first"
else
  echo "DIFFERENT: receipt files of $first ($(diff -rq "$work/old-receipts" "$work/new-receipts" | wc -l) differ)"; status=1
fi
if cmp -s "$work/old-batch.pdf" "$work/new-batch.pdf"; then echo "same: the print batch of $first"; else echo "DIFFERENT: the print batch of $first"; status=1; fi
checked=0
for file in "$work/new-batch.pdf" $(ls "$work/new-receipts"/*.pdf | awk 'NR % 100 == 1'); do
  qpdf --check "$file" >/dev/null 2>&1 || { echo "qpdf --check fails: $(basename "$file")"; status=1; }
  checked=$((checked + 1))
done
echo "qpdf --check: $checked files"
exit $status
