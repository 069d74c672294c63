import GRDB
public import RaschetCore

/// A row of `close_runs`: a period whose close has started.
public struct CloseRun: Sendable, Hashable {
    /// How far a period's close got; stored as its raw text.
    public enum Status: String, Sendable, Hashable {
        /// Started, and not every account has a marker yet (a run is going on or was interrupted).
        case running
        /// Every account has a marker (some may be parked); written last.
        case closed
    }

    public var period: Period
    public var status: Status

    public init(period: Period, status: Status) {
        self.period = period
        self.status = status
    }
}

/// `close_runs`: one row per period whose close has started; `status` is `running` until every
/// account has a marker, then `closed` (written last, after the batch that finishes the period).
/// `rules_digest` (added by `v12-input-marks`) is the digest of the billing rules the close ran under
/// (`InputFingerprint.rulesDigest`, as a signed bit pattern); NULL for closes made before and for a run
/// resumed under other rules than it started with. `reading_window_from`, `reading_window_to` and
/// `due_date` (added by `v25-receipt-terms`) are the receipt terms the close started under
/// (`ReceiptTerms`), which its receipts print whatever the settings say later; NULL for closes made
/// before, and `due_date` for rules without a due day for the period.
enum CloseRunsTable {
    static let definition = """
        CREATE TABLE close_runs (
            period TEXT PRIMARY KEY NOT NULL, status TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// `v12-input-marks`.
    static let addRulesDigest = "ALTER TABLE close_runs ADD COLUMN rules_digest INTEGER;"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v25-receipt-terms", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                ALTER TABLE close_runs ADD COLUMN reading_window_from INTEGER;
                ALTER TABLE close_runs ADD COLUMN reading_window_to INTEGER;
                ALTER TABLE close_runs ADD COLUMN due_date TEXT;
                """)
        }
    }

    /// The receipt terms stored with the close of `period`; nil when none are (a close made before
    /// they were stored, or under rules without a due day for it) or no close of it started.
    static func receiptTerms(of period: Period, _ db: Database) throws -> ReceiptTerms? {
        guard let row = try Row.fetchOne(db, sql: """
                SELECT reading_window_from, reading_window_to, due_date FROM close_runs WHERE period = ?
                """, arguments: [period.code]),
              let from = row[0] as Int?, let to = row[1] as Int?, let due = (row[2] as String?).flatMap(StoredRows.isoDate),
              (1...31).contains(from), (from...31).contains(to) else { return nil }
        return ReceiptTerms(readingWindow: ReadingWindow(firstDay: from, lastDay: to), dueDate: due)
    }

    /// The rules digest stored with the close of `period`; nil when none is (or no such close).
    static func rulesDigest(of period: Period, _ db: Database) throws -> UInt64? {
        guard let row = try Row.fetchOne(db, sql: "SELECT rules_digest FROM close_runs WHERE period = ?", arguments: [period.code]),
              let digest = row[0] as Int64? else { return nil }
        return UInt64(bitPattern: digest)
    }

    /// Every started close, ascending by period. A status text other than `closed` reads as `running`.
    static func all(_ db: Database) throws -> [CloseRun] {
        try Row.fetchAll(db, sql: "SELECT period, status FROM close_runs ORDER BY period").map { row in
            CloseRun(period: StoredRows.period(row[0]), status: CloseRun.Status(rawValue: row[1]) ?? .running)
        }
    }

    /// The periods whose close has finished, ascending.
    static func closedPeriods(_ db: Database) throws -> [Period] {
        try String.fetchAll(db, sql: "SELECT period FROM close_runs WHERE status = ? ORDER BY period",
                            arguments: [CloseRun.Status.closed.rawValue]).map(StoredRows.period)
    }

    /// The status of `period`'s close: nil when it never started.
    static func status(_ period: Period, _ db: Database) throws -> CloseRun.Status? {
        try String.fetchOne(db, sql: "SELECT status FROM close_runs WHERE period = ?", arguments: [period.code])
            .map { CloseRun.Status(rawValue: $0) ?? .running }
    }

    /// The latest started close before `period`; nil when there is none.
    static func latest(before period: Period, _ db: Database) throws -> Period? {
        try String.fetchOne(db, sql: "SELECT max(period) FROM close_runs WHERE period < ?", arguments: [period.code])
            .map(StoredRows.period)
    }

    /// The started closes before `period`, ascending (the closes whose lines an account's earlier lines are).
    static func periods(before period: Period, _ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT period FROM close_runs WHERE period < ? ORDER BY period", arguments: [period.code])
    }
}

extension Store {
    /// Every started close, ascending by period.
    public func closeRuns() throws(StoreError) -> [CloseRun] {
        try read { db in try CloseRunsTable.all(db) }
    }

    /// The close status of `period`: nil when its close never started.
    public func closeStatus(_ period: Period) throws(StoreError) -> CloseRun.Status? {
        try read { db in try CloseRunsTable.status(period, db) }
    }

    /// The receipt terms the close of `period` stored; nil when it stored none or never started.
    public func receiptTerms(of period: Period) throws(StoreError) -> ReceiptTerms? {
        try read { db in try CloseRunsTable.receiptTerms(of: period, db) }
    }

    /// Records that the close of `period` has started (`running`) under the billing rules of digest
    /// `rulesDigest` and the receipt terms `terms` (nil: the rules have no due day for the period); a
    /// started close keeps its status and its terms, and its digest only when it is the same.
    public func startCloseRun(_ period: Period, rulesDigest: UInt64, terms: ReceiptTerms?) throws(StoreError) {
        try write { db in
            let digest = Int64(bitPattern: rulesDigest)
            try db.execute(sql: """
                INSERT OR IGNORE INTO close_runs (period, status, rules_digest, reading_window_from, reading_window_to, due_date)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [period.code, CloseRun.Status.running.rawValue, digest,
                                  terms?.readingWindow.firstDay, terms?.readingWindow.lastDay, terms?.dueDate.isoString])
            try db.execute(sql: "UPDATE close_runs SET rules_digest = NULL WHERE period = ? AND rules_digest IS NOT ?",
                           arguments: [period.code, digest])
        }
    }

    /// Marks the close of `period` finished (`closed`): call once every account has a marker.
    public func finishCloseRun(_ period: Period) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE close_runs SET status = ? WHERE period = ?",
                           arguments: [CloseRun.Status.closed.rawValue, period.code])
        }
    }
}
