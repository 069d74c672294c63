# Sourced by the benchmark scripts: the anchor every import target is measured against.
# anchor_sql FILE...: prints the sqlite3 shell script that loads each CSV file into a plain table named
# after it (`.mode csv`, `.separator ;`, `.import`), in one transaction, with no journal and no sync.
anchor_sql() {
  echo "PRAGMA journal_mode=OFF;"; echo "PRAGMA synchronous=OFF;"
  echo ".mode csv"; echo ".separator ;"; echo "BEGIN;"
  local f
  for f in "$@"; do echo ".import '$f' $(basename "$f" .csv)"; done
  echo "COMMIT;"
}
