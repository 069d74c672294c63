import GRDB
public import RaschetCore

/// `balances`: per account and period; `closing` is not stored (it is always
/// opening + charged + recalc + penalty − paid). Rows decode with `StoredRows.balance` from
/// `StoredRows.balanceColumns`. `payments_posted` and `amount_posted` (added by
/// `v9-balance-payment-totals`) are the count and the sum of the account's payments posted by this
/// close and every earlier one (`AccountCloseOutcome.paymentsToDate`); NULL in rows of closes made
/// before. `settled_through` and `settled_offset` (added by `v13-settled-debts`) are the debts that
/// close found settled for good (`AccountCloseOutcome.settledDebts`); NULL when none or made before.
/// `open_debts` (added by `v14-open-debts`) packs the debts it left open (`AccountCloseOutcome.openDebts`,
/// `PackedDebts`); NULL in rows made before.
enum BalancesTable {
    /// The table as `v2-monthly-close` made it.
    static let definition = """
        CREATE TABLE balances (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, opening INTEGER NOT NULL,
            charged INTEGER NOT NULL, recalc INTEGER NOT NULL, penalty INTEGER NOT NULL, paid INTEGER NOT NULL,
            PRIMARY KEY (period, account_id)
        ) WITHOUT ROWID;
        """

    /// `v9-balance-payment-totals`.
    static let addPaymentTotals = """
        ALTER TABLE balances ADD COLUMN payments_posted INTEGER;
        ALTER TABLE balances ADD COLUMN amount_posted INTEGER;
        """

    /// `v13-settled-debts`.
    static let addSettledDebts = """
        ALTER TABLE balances ADD COLUMN settled_through TEXT;
        ALTER TABLE balances ADD COLUMN settled_offset INTEGER;
        """

    /// `v14-open-debts`.
    static let addOpenDebts = "ALTER TABLE balances ADD COLUMN open_debts BLOB;"

    /// The balances of `period` for the accounts `first...last` (bind: first, last, period); the
    /// account id is column 5, the payment totals columns 6 and 7, the settled debts 8 and 9, the
    /// open debts 10.
    static let rangeQuery = """
        SELECT \(StoredRows.balanceColumns), account_id, payments_posted, amount_posted, settled_through, settled_offset, open_debts
        FROM balances WHERE account_id BETWEEN ? AND ? AND period = ? ORDER BY account_id
        """

    /// The open debts of a row of `rangeQuery`, oldest first; nil when not kept by the close that
    /// stored it (or damaged).
    static func openDebts(_ row: StatementRow) -> [EarlierDebt]? {
        row.withBlob(10) { PackedDebts.debts($0) }
    }

    /// The settled debts of one account's balance of a period (bind: period, account), columns 0 and 1.
    static let accountSettledQuery = "SELECT settled_through, settled_offset FROM balances WHERE period = ? AND account_id = ?"

    /// The settled debts of a row of `rangeQuery` (or of `accountSettledQuery`, from `column` 0); nil
    /// when none (or not kept by the close that stored it).
    static func settledDebts(_ row: StatementRow, column: Int = 8) -> SettledDebts? {
        guard let through = row.period(column), let offset = row.optionalInt64(column + 1) else { return nil }
        return SettledDebts(through: through, offset: Money(kopecks: offset))
    }

    /// The payment totals of a row of `rangeQuery`; nil when the close that stored it did not keep them.
    static func paymentTotals(_ row: StatementRow) -> PaymentTotals? {
        guard let count = row.optionalInt64(6), let amount = row.optionalInt64(7) else { return nil }
        return PaymentTotals(count: Int(count), amount: Money(kopecks: amount))
    }

    /// Inserts the balances of a batch of a close's outcomes (parked accounts have none), many rows
    /// per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], code: String, into db: Database) throws {
        let insert = try ManyRowInsert<Int>(
            db, table: "balances",
            columns: ["period", "account_id", "opening", "charged", "recalc", "penalty", "paid", "payments_posted", "amount_posted",
                      "settled_through", "settled_offset", "open_debts"]
        ) { index, b in
            let outcome = outcomes[index]
            let balance = outcome.balance
            b.add(code); b.add(outcome.accountID); b.add(balance.opening.kopecks); b.add(balance.charged.kopecks)
            b.add(balance.recalc.kopecks); b.add(balance.penalty.kopecks); b.add(balance.paid.kopecks)
            b.add(outcome.paymentsToDate.count); b.add(outcome.paymentsToDate.amount.kopecks)
            b.add(outcome.settledDebts?.through.code); b.add(outcome.settledDebts?.offset.kopecks)
            if let debts = outcome.openDebts { b.add(bytes: PackedDebts.packed(debts)) } else { b.add(nil as Int64?) }
        }
        try insert(outcomes.indices.lazy.filter { outcomes[$0].parked == nil })
    }
}

extension Store {
    /// The balances of `period` (optionally of one account), ordered by account.
    public func balances(_ period: Period, account: String? = nil) throws(StoreError) -> [(accountID: String, balance: AccountBalance)] {
        try read { db in
            var sql = "SELECT \(StoredRows.balanceColumns), account_id FROM balances WHERE period = ?"
            var arguments: StatementArguments = [period.code]
            if let account { sql += " AND account_id = ?"; arguments += [account] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY account_id", arguments: arguments).map {
                (accountID: $0[5] as String, balance: StoredRows.balance($0))
            }
        }
    }
}

extension Store {
    /// The balances of `period` (optionally of one account) handed to `body` one by one in account
    /// order, through one cursor in one read transaction (memory bounded whatever the size).
    /// - Throws: `StoreError` when the database fails or the period is not closed; `body`'s errors unchanged.
    public func forEachBalance(_ period: Period, account: String? = nil, _ body: (String, AccountBalance) throws -> Void) throws {
        var sql = "SELECT \(StoredRows.balanceColumns), account_id FROM balances WHERE period = ?"
        var arguments: StatementArguments = [period.code]
        if let account { sql += " AND account_id = ?"; arguments += [account] }
        try streamingClosed(period) { db in
            let rows = try Row.fetchCursor(db, sql: sql + " ORDER BY account_id", arguments: arguments)
            while let row = try rows.next() { try body(row[5], StoredRows.balance(row)) }
        }
    }
}
