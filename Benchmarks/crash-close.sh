#!/usr/bin/env bash
# The close under kill -9 at scale: `raschet synth` data of N accounts imported once, then closed
# twice from copies of that database: once cleanly, once killed with SIGKILL part-way (each time
# more than KILL_AT of the accounts are marked closed, KILLS times) and run again to the end. Then a
# third `close` of the already closed period (idempotence: nothing to do, nothing changed), and
# every export of both databases compared byte for byte.
# Usage: Benchmarks/crash-close.sh N [BIN]       (BIN: a built raschet; default: builds release)
# Environment: WORK (scratch folder, removed at the end unless KEEP=1 or the exports differ), KILLS
# (default 2), KILL_AT (fractions, default "0.3 0.7"), HISTORY (synth's --history-months, default 4).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/crash-close.sh N [BIN]}
bin=${2:-}
if [ -z "$bin" ]; then swift build -c release --product raschet >/dev/null; bin=.build/release/raschet; fi
work=${WORK:-${TMPDIR:-/tmp}/raschet-bench-crash-$n}
kill_at=(${KILL_AT:-0.3 0.7})
config=$PWD/Fixtures/raschet.toml
export SOURCE_DATE_EPOCH=1793491200 RASCHET_TODAY=2026-11-20
rm -rf "$work" && mkdir -p "$work"
"$bin" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 --history-months "${HISTORY:-4}" >/dev/null
"$bin" init --db "$work/imported.sqlite" >/dev/null
"$bin" import auto "$work/data"/*.csv --db "$work/imported.sqlite" >/dev/null
for mode in clean crash; do
  sqlite3 "$work/imported.sqlite" "VACUUM INTO '$work/$mode.sqlite'"
done

closed() { sqlite3 "file:$1?mode=ro" "SELECT count(*) FROM close_accounts WHERE period = '2026-10'" 2>/dev/null || echo 0; }

/usr/bin/time -f '%e %U %S %M' -o "$work/clean.time" "$bin" close 2026-10 --db "$work/clean.sqlite" --config "$config" \
  >"$work/clean.out" 2>"$work/clean.err" || [ $? -eq 65 ]
read -r w u s m <"$work/clean.time"
echo "clean close: ${w} s wall, $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.1f", u + s }') s CPU, $((m / 1024)) MiB; $(closed "$work/clean.sqlite") accounts marked"

for fraction in "${kill_at[@]}"; do
  target=$(awk -v n="$n" -v f="$fraction" 'BEGIN { printf "%d", n * f }')
  "$bin" close 2026-10 --db "$work/crash.sqlite" --config "$config" >"$work/crash.out" 2>"$work/crash.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(closed "$work/crash.sqlite")" -lt "$target" ]; do sleep 0.2; done
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    echo "killed (SIGKILL) with $(closed "$work/crash.sqlite") of $n accounts marked (aimed past $target)"
  else
    echo "the close ended before reaching $target accounts: nothing killed"; exit 1
  fi
done
/usr/bin/time -f '%e %U %S %M' -o "$work/rerun.time" "$bin" close 2026-10 --db "$work/crash.sqlite" --config "$config" \
  >"$work/rerun.out" 2>"$work/rerun.err" || [ $? -eq 65 ]
read -r w u s m <"$work/rerun.time"
echo "rerun after the kills: ${w} s wall; $(closed "$work/crash.sqlite") accounts marked"
"$bin" close 2026-10 --db "$work/crash.sqlite" --config "$config" >"$work/again.out" 2>"$work/again.err" || status=$?
echo "close of the closed period again: exit ${status:-0}: $(head -1 "$work/again.out")"

differ=0
for mode in clean crash; do
  for kind in charges balances payments; do
    "$bin" export "$kind" --period 2026-10 --format csv --db "$work/$mode.sqlite" --out "$work/$mode-$kind.csv"
  done
done
for kind in charges balances payments; do
  if cmp -s "$work/clean-$kind.csv" "$work/crash-$kind.csv"; then
    echo "export $kind: identical ($(wc -l <"$work/clean-$kind.csv") lines, md5 $(md5sum <"$work/clean-$kind.csv" | cut -c1-12))"
  else
    echo "export $kind: DIFFERENT"; differ=1
  fi
done
[ "${KEEP:-0}" = 1 ] || [ "$differ" = 1 ] || rm -rf "$work"   # two databases of N accounts (about 10 GB at 10^6); kept when they differ
exit $differ
