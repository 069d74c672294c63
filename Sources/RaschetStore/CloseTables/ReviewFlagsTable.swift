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

    /// Inserts the review flags of a batch of a close's outcomes, each account's numbered from 0, many
    /// rows per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], code: String, into db: Database) throws {
        let insert = try ManyRowInsert<(outcome: Int, seq: Int)>(
            db, table: "review_flags", columns: ["period", "account_id", "seq", "service_id", "zone", "reason", "message"]) { row, b in
            let flag = outcomes[row.outcome].flags[row.seq]
            b.add(code); b.add(outcomes[row.outcome].accountID); b.add(row.seq); b.add(flag.serviceID); b.add(flag.zone?.rawValue)
            b.add(flag.reason.rawValue); b.add(flag.message)
        }
        try insert(ManyRowInsert.rows(of: outcomes) { outcomes[$0].flags.count })
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
