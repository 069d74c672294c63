#!/usr/bin/env bash
# A/B of two builds on one stage, alternating runs: how a performance change is measured on a shared machine.
# Usage: Benchmarks/ab.sh STAGE N ROUNDS OLD_BINARY NEW_BINARY
#   STAGE: import        `import auto` of the first month into a fresh database
#          close-first   the first close (2026-10), from a copy of the database with the month imported
#          close-third   the third close (2026-12), from a copy with 2026-10 and 2026-11 closed, 2026-12 imported
#          receipts      `render receipts` of the closed first month: N separate files into /dev/shm
#
# `raschet synth` writes 3 months of N accounts (seed 1); OLD_BINARY imports and closes what the stage
# needs, once; for close-third each binary makes its own state (a later close reads what the earlier
# closes stored, which the two builds may store differently; from OLD's state NEW would run the way it
# runs on an upgraded database). Then each round runs OLD and NEW in turn, each from a fresh copy of its state, under
# /usr/bin/time. OLD_HOME (default: this checkout) is the folder OLD_BINARY reads Fonts/ and Templates/
# from (RASCHET_HOME): an older build may not know a newer template's fields (`git archive REV Templates
# Fonts | tar -x -C DIR`). Prints one line per run (wall, user, sys, peak RSS, load average), then per binary the
# median wall and CPU (user + sys) time and the new median against the old. The medians are the figure:
# single runs move by 10-30 % here with the load of other work.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: Benchmarks/ab.sh import|close-first|close-third|receipts N ROUNDS OLD_BINARY NEW_BINARY"
stage=${1:?$usage}; n=${2:?$usage}; rounds=${3:?$usage}
old=$(realpath "${4:?$usage}"); new=$(realpath "${5:?$usage}")
case $stage in import|close-first|close-third|receipts) ;; *) echo "$usage" >&2; exit 2;; esac
export SOURCE_DATE_EPOCH=1793491200 RASCHET_TODAY=2026-11-20 RASCHET_HOME=$PWD
config=$PWD/Fixtures/raschet.toml
work=$(mktemp -d "${TMPDIR:-/tmp}/raschet-ab.XXXXXX")
out=/dev/shm/raschet-ab-$$
trap 'rm -rf "$work" "$out"' EXIT

"$old" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 --months 3 >/dev/null
months=($(cd "$work/data" && ls -d */ | tr -d /))
# prepare BIN STATE M CLOSED: BIN makes STATE, importing the first M months and closing the first CLOSED.
prepare() {
  local bin=$1 state=$2 k
  "$bin" init --db "$state" >/dev/null
  for ((k = 0; k < $3; k++)); do
    "$bin" import auto "$work/data/${months[$k]}"/*.csv --db "$state" >/dev/null
    if [ "$k" -lt "$4" ]; then "$bin" close "${months[$k]}" --db "$state" --config "$config" >/dev/null 2>&1 || [ $? = 65 ]; fi
  done
  sqlite3 "$state" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
}
# The state each side's runs start from.
declare -A states=([old]=$work/state.sqlite [new]=$work/state.sqlite)
case $stage in
  import) ;;
  close-first) prepare "$old" "$work/state.sqlite" 1 0 ;;
  close-third)
    states[new]=$work/state-new.sqlite
    prepare "$old" "${states[old]}" 3 2
    prepare "$new" "${states[new]}" 3 2 ;;
  receipts) prepare "$old" "$work/state.sqlite" 1 1 ;;
esac

# run BIN STATE HOME: one measured run of the stage from a fresh copy of STATE, with RASCHET_HOME=HOME;
# prints "wall user sys rss_kib".
run() {
  local bin=$1 state=$2 db=$work/run.sqlite status=0
  local -x RASCHET_HOME=$3
  rm -f "$db" "$db-wal" "$db-shm" && rm -rf "$out"
  # The copy is on disk before the run (`sync`), as a center's database is (close-rounds.sh).
  if [ "$stage" = import ]; then "$bin" init --db "$db" >/dev/null; else cp "$state" "$db" && sync "$db"; fi
  case $stage in
    import) set -- "$bin" import auto "$work/data/${months[0]}"/*.csv --db "$db" ;;
    close-first) set -- "$bin" close "${months[0]}" --db "$db" --config "$config" ;;
    close-third) set -- "$bin" close "${months[2]}" --db "$db" --config "$config" ;;
    receipts) set -- "$bin" render receipts --period "${months[0]}" --out "$out" --db "$db" --config "$config" ;;
  esac
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 65 ]; then
    echo "$(basename "$bin") failed with exit $status:" >&2; tail -5 "$work/err" >&2; exit 1
  fi
  tail -1 "$work/time"  # after "Command exited with non-zero status 65" when accounts are parked
}

declare -A walls cpus homes=([old]=${OLD_HOME:-$PWD} [new]=$PWD)
for ((r = 1; r <= rounds; r++)); do
  for side in old new; do
    result=$(run "${!side}" "${states[$side]}" "${homes[$side]}")
    read -r w u s m <<<"$result"
    printf '%-3s round %d: wall %7.2f s  user %7.2f s  sys %6.2f s  peak %5d MiB  load %s\n' \
      "$side" "$r" "$w" "$u" "$s" $((m / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
    walls[$side]+="$w "
    cpus[$side]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
echo "$stage, $n accounts, $rounds rounds (medians):"
for side in old new; do
  printf '%-3s wall %7.2f s  CPU %7.2f s  (%s)\n' "$side" "$(median <<<"${walls[$side]}")" "$(median <<<"${cpus[$side]}")" "${!side}"
done
awk -v a="$(median <<<"${cpus[old]}")" -v b="$(median <<<"${cpus[new]}")" \
    -v c="$(median <<<"${walls[old]}")" -v d="$(median <<<"${walls[new]}")" \
    'BEGIN { printf "new ÷ old: CPU %.3f, wall %.3f\n", b / a, d / c }'
