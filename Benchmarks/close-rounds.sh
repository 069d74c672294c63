#!/usr/bin/env bash
# The first close against the second and the third, in rounds: `raschet synth --months 3` data of N
# accounts, the state before each close (month 1 imported; month 1 closed and month 2 imported; months
# 1 and 2 closed and month 3 imported) made once, then ROUNDS rounds alternating the order of the
# closes, each close on a fresh copy of its state, under /usr/bin/time.
# Usage: Benchmarks/close-rounds.sh N [ROUNDS] [BIN]   (ROUNDS default 3; BIN: a built raschet,
# default: builds release). Environment: WORK (scratch folder, default $TMPDIR/raschet-bench-rounds-N;
# removed at the end unless KEEP=1), HISTORY (synth's --history-months, default 4).
# Prints each run's wall and CPU (user + sys) seconds and peak RSS, the medians, second ÷ first and
# third ÷ first;
# raschet's own messages go to $work/log.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: Benchmarks/close-rounds.sh N [ROUNDS] [BIN]}
rounds=${2:-3}
bin=${3:-}
if [ -z "$bin" ]; then swift build -c release --product raschet >/dev/null; bin=$PWD/.build/release/raschet; fi
config=$PWD/Fixtures/raschet.toml
work=${WORK:-${TMPDIR:-/tmp}/raschet-bench-rounds-$n}
rm -rf "$work" && mkdir -p "$work"
export SOURCE_DATE_EPOCH=1793491200 RASCHET_TODAY=2026-11-20
exec 3>&2 2>>"$work/log"   # raschet's messages to the log; the script's own errors too, after this line
trap 'echo "close-rounds: failed; see $work/log" >&3' ERR

# copy FROM TO: the database $work/FROM.sqlite (with its WAL and the like, if any) as $work/TO.sqlite.
copy() {
  rm -f "$work/$2".sqlite*
  for file in "$work/$1".sqlite*; do cp "$file" "$work/$2${file#"$work/$1"}"; done
}

"$bin" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 --months 3 \
  --history-months "${HISTORY:-4}" >/dev/null
"$bin" init --db "$work/first.sqlite" >/dev/null
"$bin" import auto "$work"/data/2026-10/*.csv --db "$work/first.sqlite" >/dev/null
copy first third
"$bin" close 2026-10 --db "$work/third.sqlite" --config "$config" >/dev/null
"$bin" import auto "$work"/data/2026-11/*.csv --db "$work/third.sqlite" >/dev/null
copy third second
"$bin" close 2026-11 --db "$work/third.sqlite" --config "$config" >/dev/null
"$bin" import auto "$work"/data/2026-12/*.csv --db "$work/third.sqlite" >/dev/null

# run LABEL PERIOD: one close of PERIOD on a fresh copy of state LABEL; appends "wall cpu rss" to $work/LABEL.
# The copy is on disk before the close starts (`sync`): else the close's first sync of the file writes the
# copy's gigabytes out, more for a later state's larger file, as no center's database would be.
run() {
  copy "$1" run
  sync "$work"/run.sqlite*
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$bin" close "$2" --db "$work/run.sqlite" --config "$config" >/dev/null
  read -r wall user sys rss <"$work/time.txt"
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "$wall $cpu $((rss / 1024))" >>"$work/$1"
  printf 'round %d  %-6s close %s  wall %8.2f s  cpu %8.2f s  peak RSS %5d MiB  load average after: %s\n' "$round" "$1" "$2" \
    "$wall" "$cpu" "$((rss / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "load average before the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then run first 2026-10; run second 2026-11; run third 2026-12
  else run third 2026-12; run second 2026-11; run first 2026-10; fi
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall() { cut -d' ' -f1 "$work/$1" | median; }
cpu() { cut -d' ' -f2 "$work/$1" | median; }
printf 'medians: first close %.2f s wall, %.2f s CPU; second %.2f s, %.2f s; third %.2f s, %.2f s\n' \
  "$(wall first)" "$(cpu first)" "$(wall second)" "$(cpu second)" "$(wall third)" "$(cpu third)"
for close in second third; do
  printf '%s ÷ first: %.3f wall, %.3f CPU\n' "$close" "$(awk -v a="$(wall $close)" -v b="$(wall first)" 'BEGIN { print a / b }')" \
    "$(awk -v a="$(cpu $close)" -v b="$(cpu first)" 'BEGIN { print a / b }')"
done
[ "${KEEP:-}" = 1 ] || rm -rf "$work"
