import GRDB
import RaschetCore

/// `close_debts`: per close (`period`) and account, the sum of the gross of the lines it posted that
/// bear penalties (every line but penalties and penalty corrections: `PenaltyDebt.debts(fromPosted:)`),
/// when there is one. Later closes accrue penalties on these amounts instead of reading every line of
/// every earlier close.
enum CloseDebtsTable {
    static let definition = """
        CREATE TABLE close_debts (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, amount INTEGER NOT NULL,
            PRIMARY KEY (period, account_id)
        ) WITHOUT ROWID;
        """

    /// The amounts of `close_debts` for lines posted before this table existed, from `charge_lines`.
    static let backfill = """
        INSERT INTO close_debts (period, account_id, amount)
        SELECT period, account_id, SUM(gross) FROM charge_lines
        WHERE kind <> 'penalty' AND component <> 'penalty' GROUP BY period, account_id;
        """

    /// The amount the close of one period posted for the accounts `first...last` (bind: first, last,
    /// period).
    static let rangeQuery = """
        SELECT account_id, amount FROM close_debts WHERE account_id BETWEEN ? AND ? AND period = ? ORDER BY account_id
        """

    /// The amount the close of one period posted for one account (bind: period, account).
    static let accountQuery = "SELECT amount FROM close_debts WHERE period = ? AND account_id = ?"

    /// Inserts the debts of a batch of a close's outcomes (those with one), many rows per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], code: String, into db: Database) throws {
        let insert = try ManyRowInsert<Int>(db, table: "close_debts", columns: ["period", "account_id", "amount"]) { index, b in
            b.add(code); b.add(outcomes[index].accountID); b.add(outcomes[index].postedDebt?.kopecks)
        }
        try insert(outcomes.indices.lazy.filter { outcomes[$0].parked == nil && outcomes[$0].postedDebt != nil })
    }
}
