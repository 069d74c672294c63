public import RaschetCore
import Foundation
import GRDB

extension Schema {
    /// The e-receipt outbox (migration `v4-outbox`): one row per account and period with the
    /// message's status (`OutboxEntry.Status`), attempts, last error, the server's answer and
    /// `Message-ID`. Written by `raschet dispatch`, one committed transaction per change, so that
    /// the `sending` mark is on disk before the message's data goes to the server.
    static func registerOutbox(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-outbox") { db in
            try db.execute(sql: """
                CREATE TABLE outbox (
                    period TEXT NOT NULL, account_id TEXT NOT NULL, email TEXT NOT NULL, status TEXT NOT NULL,
                    attempts INTEGER NOT NULL, last_error TEXT, server_answer TEXT, message_id TEXT NOT NULL,
                    PRIMARY KEY (period, account_id)
                ) WITHOUT ROWID;
                """)
        }
    }
}

extension Store {
    /// The outbox entries of `period`, by account.
    public func outboxEntries(period: Period) throws(StoreError) -> [String: OutboxEntry] {
        try read { db in
            var entries: [String: OutboxEntry] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT account_id, email, status, attempts, last_error, server_answer, message_id
                FROM outbox WHERE period = ?
                """, arguments: [period.code])
            while let row = try rows.next() {
                let account: String = row["account_id"]
                let statusText: String = row["status"]
                guard let status = OutboxEntry.Status(rawValue: statusText) else {
                    throw StoreError(.failed, .unknownOutboxStatus(path, account: account, period: period, status: statusText))
                }
                entries[account] = OutboxEntry(account: account, period: period, status: status, attempts: row["attempts"],
                                               lastError: row["last_error"], serverAnswer: row["server_answer"],
                                               messageID: row["message_id"], email: row["email"])
            }
            return entries
        }
    }

    /// Makes every later commit on this store durable against a power cut, not only a crash
    /// (`synchronous = FULL`: the write-ahead log synced at each commit). The outbox needs it: a
    /// mark lost would send a receipt again.
    public func syncEveryCommit() throws(StoreError) {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError(.databaseOperation(path, .write), cause: error)
        }
    }

    /// Inserts or replaces `entry` and commits before returning.
    public func saveOutboxEntry(_ entry: OutboxEntry) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO outbox (period, account_id, email, status, attempts, last_error, server_answer, message_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.period.code, entry.account, entry.email, entry.status.rawValue, entry.attempts,
                                 entry.lastError, entry.serverAnswer, entry.messageID])
        }
    }

    /// The accounts that take e-receipts (`e_receipt = 1`, `email_confirmed = 1`, an address),
    /// with the amount due for `period`: its closing balance (opening + charged + recalc + penalty
    /// − paid) when positive, else zero; nil when the period has no balance for the account.
    /// - Parameter accounts: only these accounts, when not empty.
    public func eReceiptRecipients(period: Period, accounts: [String] = []) throws(StoreError) -> [EReceiptRecipient] {
        try read { db in
            var recipients: [EReceiptRecipient] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.account_id, a.name, a.email,
                       b.opening + b.charged + b.recalc + b.penalty - b.paid AS closing
                FROM accounts a LEFT JOIN balances b ON b.period = ? AND b.account_id = a.account_id
                WHERE \(AccountDelivery.byEmailSQL)
                ORDER BY a.account_id
                """, arguments: [period.code])
            let wanted = Set(accounts)
            while let row = try rows.next() {
                let account: String = row["account_id"]
                guard wanted.isEmpty || wanted.contains(account) else { continue }
                let closing: Int64? = row["closing"]
                recipients.append(EReceiptRecipient(
                    account: account, name: row["name"], email: (row["email"] as String).trimmingCharacters(in: .whitespaces),
                    closingBalance: closing.map { Money(kopecks: $0) }))
            }
            return recipients
        }
    }
}
