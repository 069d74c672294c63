import GRDB

extension Schema {
    /// The tables of the monthly close (migration `v2-monthly-close`).
    ///
    /// - `close_runs`: one row per period whose close has started; `status` is `running` until every
    ///   account has a marker, then `closed` (written last, in the batch that finishes the period).
    /// - `close_accounts`: the per-account "done" marker of a period: `closed`, or `parked` with the
    ///   reason. It is written in the same transaction as the account's lines, balance, payments and
    ///   review flags, so after a crash an account is either entirely stored or not at all.
    /// - `charge_lines`: every line posted by a close (`period` = the close, `ref_period` = the period
    ///   the line is for), in the order the rules produced them (`seq`).
    /// - `balances`: per account and period; `closing` is not stored (it is always
    ///   opening + charged + recalc + penalty − paid).
    /// - `posted_payments`: which close took each payment into an account's balance (a payment is
    ///   posted once, in the first close whose period ends on or after its date).
    /// - `review_flags`: the review list of implausible charges per period.
    ///
    /// The close's tables are keyed by period first: a close appends at the end of each B-tree
    /// (accounts in order), and exports and the next close read a period's rows by key range
    /// (`period = ? AND account_id BETWEEN ? AND ?`), so no secondary index is needed.
    static func registerMonthlyClose(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-monthly-close") { db in
            try db.execute(sql: """
                CREATE TABLE close_runs (
                    period TEXT PRIMARY KEY NOT NULL, status TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE close_accounts (
                    period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, status TEXT NOT NULL,
                    code TEXT, reason TEXT,
                    PRIMARY KEY (period, account_id)
                ) WITHOUT ROWID;
                CREATE TABLE charge_lines (
                    period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, seq INTEGER NOT NULL,
                    service_id TEXT NOT NULL, supplier_id TEXT NOT NULL, kind TEXT NOT NULL, ref_period TEXT NOT NULL,
                    zone TEXT NOT NULL, component TEXT NOT NULL, basis TEXT NOT NULL, quantity INTEGER NOT NULL,
                    unit TEXT NOT NULL, price INTEGER NOT NULL, vat_mode TEXT NOT NULL, vat_rate INTEGER NOT NULL,
                    net INTEGER NOT NULL, vat INTEGER NOT NULL, gross INTEGER NOT NULL, installation TEXT,
                    PRIMARY KEY (period, account_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE balances (
                    period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, opening INTEGER NOT NULL,
                    charged INTEGER NOT NULL, recalc INTEGER NOT NULL, penalty INTEGER NOT NULL, paid INTEGER NOT NULL,
                    PRIMARY KEY (period, account_id)
                ) WITHOUT ROWID;
                CREATE TABLE posted_payments (
                    payment_id TEXT PRIMARY KEY NOT NULL REFERENCES payments, account_id TEXT NOT NULL,
                    period TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX posted_payments_by_period ON posted_payments (period, account_id);
                CREATE TABLE review_flags (
                    period TEXT NOT NULL, account_id TEXT NOT NULL, seq INTEGER NOT NULL, service_id TEXT, zone TEXT,
                    reason TEXT NOT NULL, message TEXT NOT NULL,
                    PRIMARY KEY (period, account_id, seq)
                ) WITHOUT ROWID;
                """)
        }
    }
}
