import GRDB
public import RaschetCore

/// `posted_payments`: which close took each payment into an account's balance (a payment is posted
/// once, in the first close whose period ends on or after its date).
enum PostedPaymentsTable {
    static let definition = """
        CREATE TABLE posted_payments (
            payment_id TEXT PRIMARY KEY NOT NULL REFERENCES payments, account_id TEXT NOT NULL,
            period TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX posted_payments_by_period ON posted_payments (period, account_id);
        """

    /// The payments of the accounts `first...last` dated in some months (bind: first, last, the
    /// months as `PeriodList.json`), each with the close that posted it (column 6, `posted_in`;
    /// NULL when none has), grouped by account in date order.
    static let rangeQuery = """
        SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period, pp.period AS posted_in FROM payments p LEFT JOIN posted_payments pp ON pp.payment_id = p.payment_id
        WHERE \(PeriodList.contains("p.month", "?3")) AND p.account_id BETWEEN ?1 AND ?2 ORDER BY p.account_id, p.date, p.payment_id
        """

    /// As `rangeQuery`, the payments dated in one month (bind: first, last, the month's code), without
    /// the close that posted them (no column 6): one run of `payments_by_month`, in its order.
    static let monthQuery = """
        SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period FROM payments p
        WHERE p.month = ?3 AND p.account_id BETWEEN ?1 AND ?2 ORDER BY p.account_id, p.date, p.payment_id
        """

    /// A payment of `rangeQuery` and the period of the close that posted it.
    static func payment(_ row: StatementRow) -> (payment: Payment, postedIn: Period?) {
        (StoredRows.payment(row), row.period(6))
    }

    /// Inserts the payments a batch of a close's outcomes takes into their balances, many rows per
    /// statement.
    static func insert(_ outcomes: [AccountCloseOutcome], code: String, into db: Database) throws {
        let insert = try ManyRowInsert<(outcome: Int, seq: Int)>(
            db, table: "posted_payments", columns: ["payment_id", "account_id", "period"]) { row, b in
            b.add(outcomes[row.outcome].postedPayments[row.seq]); b.add(outcomes[row.outcome].accountID); b.add(code)
        }
        try insert(ManyRowInsert.rows(of: outcomes) { outcomes[$0].postedPayments.count })
    }
}

extension Store {
    /// The payments the close of `period` posted (optionally of one account), ordered by account,
    /// date and payment id.
    public func postedPayments(_ period: Period, account: String? = nil) throws(StoreError) -> [Payment] {
        try read { db in
            var sql = """
                SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id WHERE pp.period = ?
                """
            var arguments: StatementArguments = [period.code]
            if let account { sql += " AND pp.account_id = ?"; arguments += [account] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY p.account_id, p.date, p.payment_id", arguments: arguments)
                .map(StoredRows.payment)
        }
    }
}

extension Store {
    /// The payments the close of `period` posted (optionally of one account) handed to `body` one by
    /// one, ordered by account, date and payment id, through one cursor in one read transaction.
    /// - Throws: `StoreError` when the database fails or the period is not closed; `body`'s errors unchanged.
    public func forEachPostedPayment(_ period: Period, account: String? = nil, _ body: (Payment) throws -> Void) throws {
        var sql = """
            SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id WHERE pp.period = ?
            """
        var arguments: StatementArguments = [period.code]
        if let account { sql += " AND pp.account_id = ?"; arguments += [account] }
        try streamingClosed(period) { db in
            let rows = try Row.fetchCursor(db, sql: sql + " ORDER BY p.account_id, p.date, p.payment_id", arguments: arguments)
            while let row = try rows.next() { try body(StoredRows.payment(row)) }
        }
    }
}
