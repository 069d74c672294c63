import GRDB
import RaschetCore

/// Volumes keyed by their period first (migration `v21-volumes-by-period`): `volumes` is keyed
/// `(period, account_id, service_id)` where it was keyed `(account_id, service_id, period)`.
///
/// A supplier's monthly volumes, one per account and service, went into every account's run of rows:
/// three years on, a close read most of the table to find the period's volumes of its accounts (2,400
/// of its 4,090 pages at 2×10^4 accounts) and a month's import rewrote as many. By period first, the
/// period's volumes of an account range are one contiguous run of rows; an account's volumes of
/// several periods are read period by period (`PeriodList`: one seek per period).
enum VolumePeriods {
    static func register(in migrator: inout DatabaseMigrator) {
        // The table rebuilt from itself: GRDB's deferred check would scan every table for foreign
        // keys; the rows are checked as they go in.
        migrator.registerMigration("v21-volumes-by-period", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE volumes_by_period (
                    "account_id" TEXT NOT NULL REFERENCES accounts,
                    "service_id" TEXT NOT NULL REFERENCES services,
                    "period" TEXT NOT NULL,
                    "quantity" INTEGER NOT NULL,
                    "installation" TEXT,
                    PRIMARY KEY ("period", "account_id", "service_id")
                ) WITHOUT ROWID;
                INSERT INTO volumes_by_period
                    SELECT account_id, service_id, period, quantity, installation FROM volumes ORDER BY period, account_id, service_id;
                DROP TABLE volumes;
                ALTER TABLE volumes_by_period RENAME TO volumes;
                """)
        }
    }

    /// The earliest period with a stored volume (one seek), nil without volumes.
    static func earliest(_ db: Database) throws -> Period? {
        try String.fetchOne(db, sql: "SELECT min(period) FROM volumes").map(StoredRows.period)
    }
}
