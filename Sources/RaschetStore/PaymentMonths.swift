import GRDB
import RaschetCore

/// Payments indexed by the month of their date first (migration `v20-payments-by-month`):
/// `payments.month` is generated from the date (`YYYY-MM`, a period's code, not stored: it is in an
/// index, not in the key, unlike `readings.quarter`), and `payments_by_month` indexes
/// `(month, account_id, date)` where `payments_by_account` indexed `(account_id, date)`.
///
/// A month's payments, about one per account, went into every account's run of index entries: three
/// years on, a close read nearly every page of the index to find the period's payments (6,700 of its
/// 8,800 pages at 2×10^4 accounts) and a month's import rewrote as many. By month first, the
/// period's payments of an account range are one contiguous run of entries. Payments of several
/// months are read month by month (`PeriodList`: one seek per month, rows by month, then account).
enum PaymentMonths {
    static func register(in migrator: inout DatabaseMigrator) {
        // An index replaced, no row changed: GRDB's deferred check would scan every table for
        // foreign keys.
        migrator.registerMigration("v20-payments-by-month", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE payments ADD COLUMN month TEXT GENERATED ALWAYS AS (substr(date, 1, 7)) VIRTUAL;
                DROP INDEX payments_by_account;
                CREATE INDEX payments_by_month ON payments (month, account_id, date);
                """)
        }
    }

    /// The month of the earliest stored payment (one index seek), nil without payments.
    static func earliest(_ db: Database) throws -> Period? {
        try String.fetchOne(db, sql: "SELECT min(month) FROM payments").map(StoredRows.period)
    }
}
