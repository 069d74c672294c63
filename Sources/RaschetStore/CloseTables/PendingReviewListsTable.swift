import GRDB
public import RaschetCore

/// `pending_review_lists`: the periods whose review list file (`DB.review-YYYY-MM.csv`) the close
/// could not write (a read-only folder, a full disk, a symbolic link in its place), with the reason.
/// The flags themselves are in `review_flags`; the next command that opens the database writes the
/// file from them and deletes the row (migration `v7-pending-review-lists`).
enum PendingReviewListsTable {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-pending-review-lists") { db in
            try db.execute(sql: """
                CREATE TABLE pending_review_lists (period TEXT PRIMARY KEY NOT NULL, reason TEXT NOT NULL) WITHOUT ROWID;
                """)
        }
    }
}

extension Store {
    /// Records that the review list of `period` could not be written, and why.
    public func markReviewListPending(_ period: Period, reason: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO pending_review_lists (period, reason) VALUES (?, ?)",
                           arguments: [period.code, reason])
        }
    }

    /// The periods whose review list is still to be written, ascending.
    public func pendingReviewLists() throws(StoreError) -> [Period] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT period FROM pending_review_lists ORDER BY period").map(StoredRows.period)
        }
    }

    /// Records that the review list of `period` is written.
    public func clearReviewListPending(_ period: Period) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM pending_review_lists WHERE period = ?", arguments: [period.code]) }
    }
}
