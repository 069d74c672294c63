import GRDB

extension Schema {
    /// The tables of the monthly close (migration `v2-monthly-close`); each table's file holds its
    /// columns, inserts and queries: `CloseRunsTable`, `CloseAccountsTable`, `BalancesTable`,
    /// `PostedPaymentsTable`, `ReviewFlagsTable`; the lines' first table, `charge_lines`, is
    /// `rowPerLineChargeLines` (replaced by `AccountLinesTable` in `v8-account-lines`).
    ///
    /// The close's tables are keyed by period first: a close appends at the end of each B-tree
    /// (accounts in order), and exports and the next close read a period's rows by key range
    /// (`period = ? AND account_id BETWEEN ? AND ?`), so no secondary index is needed.
    static func registerMonthlyClose(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-monthly-close") { db in
            try db.execute(sql: [
                CloseRunsTable.definition, CloseAccountsTable.definition, Schema.rowPerLineChargeLines,
                BalancesTable.definition, PostedPaymentsTable.definition, ReviewFlagsTable.definition,
            ].joined(separator: "\n"))
        }
    }

    /// What a close records so that the next one reads and recomputes only what changed (migration
    /// `v6-close-fingerprints`): the input fingerprints of its lines (`CloseFingerprintsTable`) and the
    /// debts penalties accrue on (`CloseDebtsTable`). Both are filled for the lines of closes made
    /// before (fingerprint 0: those periods are recomputed once by the next close).
    static func registerCloseFingerprints(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-close-fingerprints") { db in
            try db.execute(sql: [
                CloseFingerprintsTable.definition, CloseDebtsTable.definition,
                CloseFingerprintsTable.backfill, CloseDebtsTable.backfill,
            ].joined(separator: "\n"))
        }
    }
}
