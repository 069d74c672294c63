#!/usr/bin/env bash
# Receipt throughput: the receipts of a closed `raschet synth` month rendered by `raschet render receipts`,
# measured in the same run as Typst rendering the anchors' receipt (../shared/bench/anchors/gen_typst.py).
# Usage: Benchmarks/receipts.sh [N] [TYPST_N]   N accounts (default 100000), TYPST_N Typst receipts (default 300)
# Environment: RASCHET_BIN (a release binary; default: build one), PYTHON (a Python with the anchors'
# requirements, at least typst==0.15.0 and segno==1.6.6; default: the anchors' .venv), WORK (scratch folder;
# the closed database is kept there between runs).
# Prints, from /usr/bin/time -v, wall and CPU seconds and peak RSS of each run, the rates and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
n=${1:-100000}
tn=${2:-300}
anchors=$(cd "$root/../shared/bench/anchors" && pwd)
python=${PYTHON:-$anchors/.venv/bin/python}
if [ -z "${RASCHET_BIN:-}" ]; then
  swift build -c release --product raschet >/dev/null
  bin=$root/.build/release/raschet
else
  bin=$RASCHET_BIN
fi
work=${WORK:-${TMPDIR:-/tmp}/raschet-bench-receipts-$n}
mkdir -p "$work"
config=$root/Fixtures/raschet.toml   # the payee's requisites ([organization]) and the billing rules

# The closed month, made once: synth, import, close 2026-10.
if [ ! -f "$work/closed" ]; then
  rm -rf "$work/data" "$work"/db.sqlite*
  "$bin" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 >/dev/null
  "$bin" init --db "$work/db.sqlite" >/dev/null
  "$bin" import auto "$work"/data/*.csv --db "$work/db.sqlite" >/dev/null
  "$bin" close 2026-10 --db "$work/db.sqlite" --config "$config" >/dev/null
  touch "$work/closed"
fi

# measure LABEL COMMAND...: runs under /usr/bin/time -v; sets wall, cpu, rss.
measure() {
  local label=$1; shift
  /usr/bin/time -v "$@" >"$work/$label.out" 2>"$work/$label.time"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); print (n == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2]) }' "$work/$label.time")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$work/$label.time")
  rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$work/$label.time")
  printf '%-22s wall %8.2f s  cpu %8.2f s  peak RSS %5d MiB  load average after: %s\n' "$label" "$wall" "$cpu" "$rss" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

export SOURCE_DATE_EPOCH=1793491200
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Outputs are removed at the end, not between runs: ext4 passes over inodes freed in the last 30 s
# (vm.dirty_expire_centisecs) when it allocates new ones, so a run right after removing 10^4 files paid
# three times the system time for creating its own. Leftovers of an interrupted run are removed here,
# then the script waits a minute for that window to pass (measured: still three times at 31 s).
if [ -e "$work/sep" ] || [ -e "$work/both" ] || [ -e "$work/typst-sep" ]; then
  rm -rf "$work/sep" "$work/both" "$work/batch.pdf" "$work/typst-sep" "$work/typst-batch.pdf"
  sleep 60
fi

# Raschet: separate PDF/A-3b files only, then separate files and the print batch in one run (a reprint:
# the numbers exist). The batch's own cost is the difference of the two runs.
measure raschet-separate "$bin" render receipts --period 2026-10 --out "$work/sep" --db "$work/db.sqlite" --config "$config"
files=$(find "$work/sep" -name '*.pdf' | wc -l)
sep_bytes=$(find "$work/sep" -name '*.pdf' -printf '%s\n' | awk '{ s += $1 } END { print s }')
sep_wall=$wall; sep_rss=$rss
measure raschet-separate+batch "$bin" render receipts --period 2026-10 --out "$work/both" --batch "$work/batch.pdf" \
  --db "$work/db.sqlite" --config "$config"
both_wall=$wall; both_rss=$rss
pages=$(qpdf --show-npages "$work/batch.pdf")
batch_bytes=$(stat -c %s "$work/batch.pdf")

# Typst on the anchors' receipt, the same way the anchors measured it (one Compiler, whole process timed).
measure typst-batch "$python" "$anchors/gen_typst.py" batch "$tn" "$work/typst-batch.pdf"
typst_batch_wall=$wall
measure typst-separate "$python" "$anchors/gen_typst.py" separate "$tn" "$work/typst-sep"
typst_sep_wall=$wall
rm -rf "$work/sep" "$work/both" "$work/typst-sep" "$work/typst-batch.pdf"

batch_wall=$(awk -v a="$both_wall" -v b="$sep_wall" 'BEGIN { printf "%.2f", a - b }')
sep_rate=$(rate "$files" "$sep_wall")
batch_rate=$(rate "$pages" "$batch_wall")
both_rate=$(rate "$pages" "$both_wall")
typst_batch_rate=$(rate "$tn" "$typst_batch_wall")
typst_sep_rate=$(rate "$tn" "$typst_sep_wall")
echo
echo "raschet separate: $files files in ${sep_wall}s = $sep_rate files/s (peak RSS ${sep_rss} MiB)"
echo "raschet batch:    $pages pages ($batch_bytes bytes), ${both_wall}s with the separate files, ${batch_wall}s more than without:"
if awk -v w="$batch_wall" 'BEGIN { exit !(w > 0) }'; then
  echo "                  $batch_rate pages/s for the batch alone, $both_rate pages/s counting the whole run (peak RSS ${both_rss} MiB)"
else
  echo "                  the batch's own cost is within the run-to-run noise; $both_rate pages/s counting the whole run (peak RSS ${both_rss} MiB)"
fi
echo "typst:            batch $typst_batch_rate pages/s, separate $typst_sep_rate files/s ($tn receipts each)"
if awk -v w="$batch_wall" 'BEGIN { exit !(w > 0) }'; then
  echo "ratio batch:      $(rate "$batch_rate" "$typst_batch_rate")x (batch alone), $(rate "$both_rate" "$typst_batch_rate")x (whole run); target 100x"
else
  echo "ratio batch:      batch alone within noise, $(rate "$both_rate" "$typst_batch_rate")x (whole run); target 100x"
fi
echo "ratio separate:   $(rate "$sep_rate" "$typst_sep_rate")x; target 50x"
echo "sizes:            batch $(awk -v b="$batch_bytes" -v p="$pages" 'BEGIN { printf "%.0f", b / p }') bytes/page, separate $(awk -v b="$sep_bytes" -v f="$files" 'BEGIN { printf "%.0f", b / f }') bytes/file"
