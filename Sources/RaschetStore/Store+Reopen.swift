public import RaschetCore
import GRDB

/// Why a period's close cannot be undone; `PeriodReopen` (RaschetClose) words it.
public enum ReopenBlocker: Sendable, Hashable {
    /// The period's close never started.
    case notClosed
    /// A later period's close has started: only the latest may be reopened.
    case notLatest(latest: Period)
    /// Documents of the period were numbered (`document_numbers`) or queued or sent (`outbox`).
    case documentsIssued(numbered: Int, outbox: Int)
}

extension Store {
    /// Undoes the close of `period` when nothing blocks it: marks again the late payments it posted
    /// (`LatePaymentsTable.restore`), deletes the period's rows of the close's tables (lines,
    /// balances, posted payments, review flags, fingerprints, debts, a pending review list, account
    /// markers, then its `close_runs` row) and moves the readings' and meters' changes stamped with
    /// it to the close before it (`ChangeStamps.move`) in one `BEGIN IMMEDIATE` transaction, after
    /// checking in the same transaction that the period is the latest started close and that no
    /// document covering it was numbered or queued. The database is then as it was before the close
    /// (the close writes only those rows and deletes only the marks of the payments it posts; those
    /// dated within the period stay deleted, as a close of it reads them all without a mark).
    /// - Returns: nil when the period was reopened, else what blocks it (nothing is changed).
    /// - Throws: `StoreError` when the database fails or is busy.
    public func reopen(_ period: Period) throws(StoreError) -> ReopenBlocker? {
        do {
            return try queue.writeWithoutTransaction { db in
                var blocker: ReopenBlocker?
                try db.inTransaction(.immediate) {
                    blocker = try Self.reopenBlocker(period, db)
                    if blocker != nil { return .rollback }
                    let code = period.code
                    try LatePaymentsTable.restore(postedIn: period, in: db)
                    for table in ["account_lines", "balances", "posted_payments", "review_flags", "close_fingerprints", "close_debts",
                                  "pending_review_lists", "close_accounts", "close_runs"] {
                        try db.execute(sql: "DELETE FROM \(table) WHERE period = ?", arguments: [code])
                    }
                    let earlier = try InputMarksTable.stamp(db)
                    for stamps in [ReadingChangesTable.stamps, MeterChangesTable.stamps] {
                        try stamps.move(from: period, to: earlier, db)
                    }
                    return .commit
                }
                return blocker
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.databaseOperation(path, .reopen(period)), cause: error)
        }
    }

    private static func reopenBlocker(_ period: Period, _ db: Database) throws -> ReopenBlocker? {
        let runs = try CloseRunsTable.all(db)
        guard runs.contains(where: { $0.period == period }) else { return .notClosed }
        if let latest = runs.last?.period, latest != period { return .notLatest(latest: latest) }
        let numbered = try issuedDocuments(period, db)
        let outbox = try db.tableExists("outbox")
            ? try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE period = ?", arguments: [period.code]) ?? 0
            : 0
        return numbered + outbox > 0 ? .documentsIssued(numbered: numbered, outbox: outbox) : nil
    }

    /// The numbered documents whose period or date range touches `period` (receipts of the period,
    /// statements and acts over ranges that include it, a no-debt certificate from its date back to
    /// the day its data is of): the month part of a `YYYY-MM-DD` bound compares as a `YYYY-MM` one.
    private static func issuedDocuments(_ period: Period, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM document_numbers
            WHERE substr(min(range_from, range_to), 1, 7) <= ?1 AND substr(max(range_from, range_to), 1, 7) >= ?1
            """, arguments: [period.code]) ?? 0
    }
}
