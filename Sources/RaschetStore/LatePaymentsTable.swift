import GRDB
import RaschetCore

/// `late_payments` (migration `v11-late-payments`): the payments stored dated on or before the last
/// day of a period whose close had started (`close_runs`), by account. What tells a close which
/// accounts may have a payment dated before its period and not posted yet, without counting every
/// account's payments of every earlier month (`CloseInputReader`).
///
/// Every write of payments adds the marks (the import, `ImportSink`, in its transaction). The close
/// that posts a marked payment deletes the mark with the batch that posts it (`deletePosted`), and
/// reopening that close marks the payments it had posted dated before its period again
/// (`restore`): the table holds the late payments not posted yet, whatever the months closed. (A
/// mark whose payment is posted, as a database made by an earlier raschet holds them, does not
/// count; the next close of its account deletes it.)
enum LatePaymentsTable {
    static let definition = """
        CREATE TABLE late_payments (
            account_id TEXT NOT NULL, payment_id TEXT NOT NULL,
            PRIMARY KEY (account_id, payment_id)
        ) WITHOUT ROWID;
        """

    /// Marks the stored payments not posted yet that are dated before the first day after the latest
    /// started close: all a database closed by an older raschet may hold.
    static let backfill = """
        INSERT INTO late_payments (account_id, payment_id)
        SELECT p.account_id, p.payment_id FROM payments p
        WHERE p.date < (SELECT date(max(period) || '-01', '+1 month') FROM close_runs)
          AND NOT EXISTS (SELECT 1 FROM posted_payments pp WHERE pp.payment_id = p.payment_id);
        """

    static func register(in migrator: inout DatabaseMigrator) {
        // Rows of a new table only: GRDB's deferred check would scan every table for foreign keys.
        migrator.registerMigration("v11-late-payments", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: definition + backfill)
        }
    }

    /// The accounts of an account-id range (`?1`, `?2`) with a marked payment not posted yet, each
    /// with the earliest date of those payments (column 1).
    static let rangeQuery = """
        SELECT l.account_id, min(p.date) FROM late_payments l JOIN payments p ON p.payment_id = l.payment_id
        WHERE l.account_id BETWEEN ?1 AND ?2
          AND NOT EXISTS (SELECT 1 FROM posted_payments pp WHERE pp.payment_id = l.payment_id)
        GROUP BY l.account_id ORDER BY l.account_id
        """

    /// Deletes the marks of the accounts `first...last` whose payments are posted.
    static func deletePosted(accounts first: String, _ last: String, in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM late_payments WHERE account_id BETWEEN ? AND ?
              AND EXISTS (SELECT 1 FROM posted_payments pp WHERE pp.payment_id = late_payments.payment_id)
            """, arguments: [first, last])
    }

    /// Marks again the payments the close of `period` posted dated before its first day, as the
    /// imports had marked them before that close deleted the marks (`deletePosted`).
    static func restore(postedIn period: Period, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO late_payments (account_id, payment_id)
            SELECT p.account_id, p.payment_id FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id
            WHERE pp.period = ? AND p.date < ?
            """, arguments: [period.code, period.firstDay.isoString])
    }

    /// Marks the payments `marks` (account id, payment id); a mark already stored stays.
    static func insert(_ marks: [(accountID: String, paymentID: String)], into db: Database) throws {
        let insert = try ManyRowInsert<(accountID: String, paymentID: String)>(
            db, table: "late_payments", columns: ["account_id", "payment_id"], replacing: true) { mark, b in
            b.add(mark.accountID); b.add(mark.paymentID)
        }
        try insert(marks)
    }
}
