#!/usr/bin/env bash
# The stages of a later month against those of an early one, on a database that grew month by month:
# `raschet synth --months MONTHS` data of N accounts, each month imported and closed in turn. Then
# ROUNDS rounds, each on fresh copies: the import of the second month into the database holding the
# first, against the import of the last month into the one holding all before it; and the receipts
# (`render receipts --files e-receipts` with a batch) of the first month against those of the
# next-to-last (the last closed). Prints each run's wall and CPU (user + sys) seconds, the means and
# the ratio later ÷ early. The legal default rules; the payee of Fixtures/raschet.toml for receipts.
# Usage: Benchmarks/later-month.sh N [BIN]   (BIN: a built raschet; default: builds release)
# Environment: MONTHS (default 36), ROUNDS (default 3), HISTORY (synth's --history-months, default 4),
# TMPDIR (the work folder's parent, default /tmp), KEEP=1 keeps the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
n=${1:?usage: Benchmarks/later-month.sh N [BIN]}
bin=${2:-}
if [ -z "$bin" ]; then swift build -c release --product raschet >/dev/null; bin=.build/release/raschet; fi
bin=$(realpath "$bin")
work=${TMPDIR:-/tmp}/raschet-bench-later-month-$n
rm -rf "$work" && mkdir -p "$work"
export RASCHET_TODAY=2026-11-20 SOURCE_DATE_EPOCH=1793491200 RASCHET_HOME=$root
"$bin" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 --months "${MONTHS:-36}" \
  --history-months "${HISTORY:-4}" >/dev/null
months=()
for dir in "$work"/data/*/; do months+=("$(basename "$dir")"); done
count=${#months[@]}
"$bin" init --db "$work/grown.sqlite" >/dev/null
for index in "${!months[@]}"; do
  m=${months[$index]}
  [ "$index" = 1 ] && cp "$work/grown.sqlite" "$work/before-second.sqlite"
  [ "$index" = $((count - 1)) ] && cp "$work/grown.sqlite" "$work/before-last.sqlite"
  "$bin" import auto "$work/data/$m"/*.csv --db "$work/grown.sqlite" >/dev/null 2>&1
  [ "$index" = $((count - 1)) ] || "$bin" close "$m" --db "$work/grown.sqlite" >/dev/null 2>&1
  [ "$index" = 0 ] && cp "$work/grown.sqlite" "$work/first-closed.sqlite"
done
# The receipts need the payee's requisites: the fixtures' settings next to each database copy.
cp Fixtures/raschet.toml "$work/raschet.toml"
first=${months[0]}; second=${months[1]}; closed=${months[$count-2]}; last=${months[$count-1]}
timed() {  # timed LABEL COMMAND...: runs it on $work/run.sqlite, prints "LABEL wall cpu"
  local label=$1; shift
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@" >/dev/null 2>>"$work/runs.stderr"
  read -r wall user sys <"$work/time.txt"
  printf '%-16s %6.2f s wall %6.2f s cpu\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}
fresh() { rm -rf "$work/run.sqlite" "$work/run.sqlite-wal" "$work/run.sqlite-shm" "$work/out"; cp "$work/$1" "$work/run.sqlite"; }
for round in $(seq 1 "${ROUNDS:-3}"); do
  fresh before-second.sqlite; timed "import-early" "$bin" import auto "$work/data/$second"/*.csv --db "$work/run.sqlite"
  fresh before-last.sqlite; timed "import-later" "$bin" import auto "$work/data/$last"/*.csv --db "$work/run.sqlite"
  fresh first-closed.sqlite
  timed "receipts-early" "$bin" render receipts --period "$first" --out "$work/out" --batch "$work/out/batch.pdf" \
    --files e-receipts --db "$work/run.sqlite"
  fresh grown.sqlite
  timed "receipts-later" "$bin" render receipts --period "$closed" --out "$work/out" --batch "$work/out/batch.pdf" \
    --files e-receipts --db "$work/run.sqlite"
done | tee "$work/runs.txt"
awk '{ wall[$1] += $2; cpu[$1] += $5; n[$1]++ }
  END { for (stage in n) if (stage ~ /-early$/) {
          s = substr(stage, 1, length(stage) - 6); e = stage; l = s "-later"
          printf "%s: early %.3f s wall %.3f s cpu, later %.3f s wall %.3f s cpu; later / early %.3f wall %.3f cpu\n", s,
            wall[e] / n[e], cpu[e] / n[e], wall[l] / n[l], cpu[l] / n[l], (wall[l] / n[l]) / (wall[e] / n[e]), (cpu[l] / n[l]) / (cpu[e] / n[e]) } }' \
  "$work/runs.txt" | sort
echo "(early: the import of $second, the receipts of $first; later: the import of $last, the receipts of $closed)"
[ "${KEEP:-0}" = 1 ] || rm -rf "$work"
