import GRDB
import GRDBSQLite
public import RaschetCore

/// The rows stored before an import, read through a read-only connection of its own while the
/// import's transaction writes on the store's connection: the import holds the write lock, so
/// the connection sees the rows as they were when the import began (WAL lets it read meanwhile).
/// A database that held no rows when the import began opens no connection: its first import runs
/// under a rollback journal, which would not let one read beside the writer (`Store.importRows`).
public struct ImportSnapshot: StoredSnapshot {
    let path: String
    /// Whether any entity's table held a row when the import began.
    let holdsRows: Bool

    /// Opens the connection on the calling thread and runs `body` in one read transaction.
    /// - Throws: `StoreError` when the database cannot be read; whatever `body` throws.
    public func withLookup<T>(_ body: (any StoredLookup) throws -> T) throws -> T {
        guard holdsRows else { return try NothingStored().withLookup(body) }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try SQLiteLibrary.openQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.databaseOperation(path, .openReader), cause: error)
        }
        return try queue.read { db in try body(try ImportSnapshotLookup(db: db, path: path)) }
    }
}

/// `StoredLookup` by prepared statements on one connection, inside `ImportSnapshot`'s read
/// transaction: per reading, an index seek per stored quarter (`ReadingQuarters`) from its own back
/// until the latest reading before it is found, and per quarter from its own on until the earliest
/// after it is (one or two each for a register read every month; none after a reading dated from the
/// latest stored one on, `ReadingSpanTable`, as a new month's are); one per payment id; the columns read
/// straight through the SQLite C API. A reading's lookup reads a row or two of its register,
/// whatever the length of its history. A table found empty is not searched (an import before the
/// first close stores no posted payments).
final class ImportSnapshotLookup: StoredLookup {
    private let db: Database
    /// A register's readings of a quarter from a date back, latest first.
    private let onOrBefore: Statement
    /// A register's readings of a quarter after a date, earliest first.
    private let after: Statement
    private let posted: Statement
    /// The quarters that hold readings, ascending (none: no reading is stored).
    private let quarters: [Int]
    /// The date of the latest stored reading, nil without readings.
    private let latest: CivilDate?
    private let anyPosted: Bool
    private let path: String

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        do {
            // The key is (quarter, meter_id, date, zone): each walks a quarter's readings of the meter
            // from the date, one way, over the other zones' rows of the dates it passes. The quarters
            // are bound one at a time (a list in the statement would be built again at every reading).
            onOrBefore = try db.makeStatement(sql: """
                SELECT date, value, rollover FROM readings WHERE quarter = ? AND meter_id = ? AND zone = ? AND date <= ?
                ORDER BY date DESC
                """)
            after = try db.makeStatement(sql: """
                SELECT date, value, rollover FROM readings WHERE quarter = ? AND meter_id = ? AND zone = ? AND date > ?
                ORDER BY date
                """)
            posted = try db.makeStatement(sql: """
                SELECT p.account_id, p.date, p.amount, p.source, p.period, pp.period
                FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id WHERE pp.payment_id = ?
                """)
            quarters = try Int.fetchAll(db, sql: "SELECT quarter FROM reading_quarters ORDER BY quarter")
            latest = try ReadingSpanTable.latest(db)
            anyPosted = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM posted_payments)") ?? false
        } catch {
            throw StoreError(.databaseOperation(path, .readStoredRows), cause: error)
        }
    }

    func neighbours(of reading: Reading) throws -> KnownMeters.Neighbours {
        var result = KnownMeters.Neighbours()
        let quarter = ReadingQuarters.quarter(of: reading.date)
        // From the date back, quarter by quarter from its own: the one on it, if any (in its own
        // quarter), then the latest before it. Most readings are of the latest quarters: the
        // quarters are searched from the end.
        var back = (quarters.lastIndex { $0 <= quarter } ?? -1) + 1
        while back > 0, result.previous == nil {
            back -= 1
            let handle = start(onOrBefore, quarter: quarters[back], reading)
            var status = sqlite3_step(handle)
            if status == SQLITE_ROW, StatementRow(handle).date(0) == reading.date {
                result.sameDay = Self.neighbour(StatementRow(handle))
                status = sqlite3_step(handle)
            }
            if status == SQLITE_ROW {
                result.previous = Self.neighbour(StatementRow(handle))
                status = SQLITE_DONE
            }
            try finish(handle, status)
        }
        // After the date, quarter by quarter from its own: the earliest; none is stored after the latest.
        var forward = quarters.lastIndex { $0 < quarter }.map { $0 + 1 } ?? 0
        if let latest, reading.date >= latest { forward = quarters.count }
        while forward < quarters.count, result.next == nil {
            let handle = start(after, quarter: quarters[forward], reading)
            var status = sqlite3_step(handle)
            if status == SQLITE_ROW {
                result.next = Self.neighbour(StatementRow(handle))
                status = SQLITE_DONE
            }
            try finish(handle, status)
            forward += 1
        }
        return result
    }

    /// A row of `onOrBefore` or `after`.
    private static func neighbour(_ row: StatementRow) -> KnownMeters.Neighbour {
        KnownMeters.Neighbour(date: row.date(0) ?? StoredRows.neutralDate, value: ExactDecimal(micros: row.int64(1)),
                              rollover: row.int64(2) != 0)
    }

    func postedPayment(_ id: String) throws -> PostedPayment? {
        guard anyPosted else { return nil }
        let handle = start(posted, key: id)
        var found: PostedPayment?
        let status = sqlite3_step(handle)
        if status == SQLITE_ROW {
            let row = StatementRow(handle)
            let payment = Payment(id: id, accountID: row.text(0), date: row.date(1) ?? StoredRows.neutralDate,
                                  amount: Money(kopecks: row.int64(2)), source: row.optionalText(3), period: row.period(4))
            // The period column is written by the close as a period code.
            found = PostedPayment(payment: payment, period: row.period(5) ?? StoredRows.neutralPeriod)
        }
        try finish(handle, status == SQLITE_ROW ? SQLITE_DONE : status)
        return found
    }

    /// Resets `statement` and binds `key` to its one parameter.
    private func start(_ statement: Statement, key: String) -> OpaquePointer {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle)
        binder.add(key)
        return handle
    }

    /// Resets `statement` and binds `quarter` and `reading`'s meter, zone and date to its four
    /// parameters.
    private func start(_ statement: Statement, quarter: Int, _ reading: Reading) -> OpaquePointer {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle)
        binder.add(quarter)
        binder.add(reading.meterID)
        binder.add(reading.zone.rawValue)
        binder.add(reading.date)
        return handle
    }

    /// Throws when the last step failed; resets the statement either way.
    private func finish(_ handle: OpaquePointer, _ status: Int32) throws {
        defer { sqlite3_reset(handle) }
        guard status == SQLITE_DONE else {
            throw StoreError(.databaseOperation(path, .readStoredRows), sqliteStatus: status,
                             reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
