import GRDB
public import RaschetCore

/// `review_flags`: the review list of implausible charges per period, numbered per account (`seq`).
enum ReviewFlagsTable {
    static let definition = """
        CREATE TABLE review_flags (
            period TEXT NOT NULL, account_id TEXT NOT NULL, seq INTEGER NOT NULL, service_id TEXT, zone TEXT,
            reason TEXT NOT NULL, message TEXT NOT NULL,
            PRIMARY KEY (period, account_id, seq)
        ) WITHOUT ROWID;
        """

    /// Inserts one account's review flags of a close, numbered from 0.
    struct Insert {
        private let insert: PreparedInsert

        init(_ db: Database) throws {
            insert = try PreparedInsert(db, sql: """
                INSERT INTO review_flags (period, account_id, seq, service_id, zone, reason, message) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        }

        func callAsFunction(_ flags: [ReviewFlag], accountID: String, code: String) throws {
            for (seq, flag) in flags.enumerated() {
                try insert { b in
                    b.add(code); b.add(accountID); b.add(seq); b.add(flag.serviceID); b.add(flag.zone?.rawValue)
                    b.add(flag.reason.rawValue); b.add(flag.message)
                }
            }
        }
    }
}

extension Store {
    /// The review list of `period`, ordered by account.
    public func reviewFlags(_ period: Period) throws(StoreError) -> [ReviewFlag] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_flags WHERE period = ? ORDER BY account_id, seq",
                             arguments: [period.code]).map { row in
                ReviewFlag(accountID: row["account_id"], serviceID: row["service_id"],
                           zone: (row["zone"] as String?).flatMap { Zone(rawValue: $0) }, period: period,
                           reason: ReviewFlag.Reason(rawValue: row["reason"]) ?? .negativeTotal, message: row["message"])
            }
        }
    }
}
