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

    /// The payments each close has posted so far, per account, in its balance row (migration
    /// `v9-balance-payment-totals`): the next close takes them as one amount (`BalancesTable`).
    /// Balances of closes made before hold none; the next close reads those accounts' payments one by
    /// one, as before, and stores their totals.
    static func registerPaymentTotals(in migrator: inout DatabaseMigrator) {
        // No row changes: GRDB's deferred check would scan every table for foreign keys (a second per
        // 10^5 accounts).
        migrator.registerMigration("v9-balance-payment-totals", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: BalancesTable.addPaymentTotals)
        }
    }

    /// The debts each close found settled for good, per account, in its balance row (migration
    /// `v13-settled-debts`): the next close reads only the later closes' debts (`SettledDebts`).
    /// Balances of closes made before hold none; the next close reads every debt, as before.
    static func registerSettledDebts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-settled-debts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: BalancesTable.addSettledDebts)
        }
    }

    /// The debts each close left open, per account, in its balance row (migration `v14-open-debts`):
    /// the next close takes them there instead of reading each earlier close's (`close_debts`).
    /// Balances of closes made before hold none; the next close reads them from `close_debts`.
    static func registerOpenDebts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14-open-debts", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: BalancesTable.addOpenDebts)
        }
    }
}
