#!/usr/bin/env bash
# What the import's target compares: the sqlite3 shell's load of the first month's CSV files (the
# anchor of scale.sh: plain tables of text, no keys, no journal, no sync) against SQLite itself
# inserting the same rows, already parsed, into Raschet's own schema, once through the write-ahead
# log as a later month's import writes (WAL, synchronous NORMAL, the import's 256 MiB page cache) and
# once without a journal as the anchor runs, the nearest to a first import into an empty database,
# whose rollback journal holds only the empty schema's pages; then `raschet import auto` of the same
# files into a new database (that first import).
# Usage: Benchmarks/import-floor.sh N [ROUNDS]   (ROUNDS of the four, default 1)
# Environment: RASCHET_BIN (a release binary; default: build one), WORK (scratch folder, default
# $TMPDIR/raschet-import-floor).
# The floor's rows come from the anchor's tables by one INSERT … SELECT per table, converting each cell
# as the importer stores it (amounts and quantities as integers, empty cells as NULL); the four
# reference tables (suppliers, services, tariffs, key rates: 70 rows) are left out of both floors.
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/anchor-sql.sh
root=$PWD
n=${1:?usage: Benchmarks/import-floor.sh N [ROUNDS]}
rounds=${2:-1}
if [ -z "${RASCHET_BIN:-}" ]; then
  swift build -c release --product raschet >/dev/null
  bin=$root/.build/release/raschet
else
  bin=$(realpath "$RASCHET_BIN")
fi
work=${WORK:-${TMPDIR:-/tmp}/raschet-import-floor}
rm -rf "$work" && mkdir -p "$work"
trap 'rm -f "$work"/*.sqlite*' EXIT
export SOURCE_DATE_EPOCH=1793491200 RASCHET_TODAY=2026-11-20
"$bin" synth --accounts "$n" --out "$work/data" --seed 1 --period 2026-10 >/dev/null

anchor_sql "$work"/data/*.csv >"$work/anchor.sql"

# The floor: journal settings as the import's connection has them (Store.openQueue, Store.importRows).
floor_sql() {
  echo "$1"
  cat <<'SQL'
PRAGMA cache_size=-262144; PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY;
ATTACH 'anchor.sqlite' AS a;
BEGIN;
INSERT INTO accounts SELECT account_id, kind, name, address, nullif(inn, ''), nullif(contract_no, ''),
  nullif(contract_date, ''), nullif(postal_address, ''), CAST(area * 100 AS INTEGER), nullif(residents, '') + 0,
  nullif(email, ''), email_confirmed + 0, e_receipt + 0, nullif(delivery_route, ''), nullif(opened, ''), nullif(closed, ''),
  nullif(changed_from, '')
  FROM a.accounts;
INSERT INTO account_services SELECT account_id, service_id, valid_from, nullif(valid_to, ''), nullif(quantity, '') + 0,
  nullif(installation, '') FROM a.account_services;
INSERT INTO meters SELECT meter_id, account_id, service_id, zones + 0, nullif(digits, '') + 0, nullif(installed, ''),
  nullif(removed, ''), nullif(verification_due, '') FROM a.meters;
INSERT INTO readings (meter_id, date, zone, value, source, rollover, quarter)
  SELECT meter_id, date, zone, CAST(value * 1000 AS INTEGER), nullif(source, ''), rollover + 0,
    CAST(substr(date, 1, 4) AS INTEGER) * 10 + (CAST(substr(date, 6, 2) AS INTEGER) + 2) / 3 FROM a.readings;
INSERT OR IGNORE INTO reading_quarters SELECT DISTINCT quarter FROM readings;
INSERT INTO volumes SELECT account_id, service_id, period, CAST(quantity * 1000 AS INTEGER), nullif(installation, '') FROM a.volumes;
INSERT INTO payments SELECT payment_id, account_id, date, CAST(amount * 100 AS INTEGER), nullif(source, ''), nullif(period, '')
  FROM a.payments;
INSERT INTO absences SELECT account_id, date_from, date_to, persons + 0, nullif(document, '') FROM a.absences;
COMMIT;
SQL
}
floor_sql "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" >"$work/floor-wal.sql"
floor_sql "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" >"$work/floor-off.sql"

# time LABEL COMMAND...: one run under /usr/bin/time, printed as a line of the table.
time_it() {
  local label=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null
  read -r w u s m <"$work/time"
  printf '%-12s %9.2f %9.2f %9.0f\n' "$label" "$w" "$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')" "$((m / 1024))"
  echo "$label $w" >>"$work/walls"
}

cd "$work"
echo "== $n accounts ($(du -cm data/*.csv | tail -1 | cut -f1) MB of CSV; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-12s %9s %9s %9s\n' run "wall s" "CPU s" "RSS MiB"
for ((round = 1; round <= rounds; round++)); do
  rm -f anchor.sqlite && time_it anchor sqlite3 anchor.sqlite ".read anchor.sql"
  for journal in wal off; do
    rm -f floor.sqlite* && "$bin" init --db floor.sqlite >/dev/null
    time_it "floor-$journal" sqlite3 floor.sqlite ".read floor-$journal.sql"
  done
  rm -f import.sqlite* && "$bin" init --db import.sqlite >/dev/null
  time_it import "$bin" import auto data/*.csv --db import.sqlite
done
# Both floors and the import store the same rows of the seven tables.
for table in accounts account_services meters readings volumes payments absences; do
  a=$(sqlite3 floor.sqlite "SELECT count(*) FROM $table"); b=$(sqlite3 import.sqlite "SELECT count(*) FROM $table")
  [ "$a" = "$b" ] || { echo "$table: $a rows in the floor, $b imported" >&2; exit 1; }
done
awk '{ sum[$1] += $2; count[$1]++ } END {
  a = sum["anchor"] / count["anchor"]
  printf "means ÷ anchor: floor-wal %.2f, floor-off %.2f, import %.2f; import ÷ floor-off %.2f\n",
    sum["floor-wal"] / count["floor-wal"] / a, sum["floor-off"] / count["floor-off"] / a,
    sum["import"] / count["import"] / a, (sum["import"] / count["import"]) / (sum["floor-off"] / count["floor-off"]) }' walls
