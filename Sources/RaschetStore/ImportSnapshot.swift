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
/// transaction: two index seeks per reading (from its date back, and after it), one per payment id,
/// the columns read straight through the SQLite C API. A reading's lookup reads a row or two of its
/// register, whatever the length of its history. A table found empty is not searched (an import
/// before the first close stores no posted payments).
final class ImportSnapshotLookup: StoredLookup {
    private let db: Database
    /// A register's readings from a date back, latest first.
    private let onOrBefore: Statement
    /// A register's earliest reading after a date.
    private let after: Statement
    private let posted: Statement
    private let anyReadings: Bool
    private let anyPosted: Bool
    private let path: String

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        do {
            // The key is (meter_id, date, zone): each walks the meter's readings from the date, one
            // way, over the other zones' rows of the dates it passes.
            onOrBefore = try db.makeStatement(sql: """
                SELECT date, value, rollover FROM readings WHERE meter_id = ? AND zone = ? AND date <= ? ORDER BY date DESC
                """)
            after = try db.makeStatement(sql: """
                SELECT date, value, rollover FROM readings WHERE meter_id = ? AND zone = ? AND date > ? ORDER BY date
                """)
            posted = try db.makeStatement(sql: """
                SELECT p.account_id, p.date, p.amount, p.source, p.period, pp.period
                FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id WHERE pp.payment_id = ?
                """)
            anyReadings = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM readings)") ?? false
            anyPosted = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM posted_payments)") ?? false
        } catch {
            throw StoreError(.databaseOperation(path, .readStoredRows), cause: error)
        }
    }

    func neighbours(of reading: Reading) throws -> KnownMeters.Neighbours {
        var result = KnownMeters.Neighbours()
        guard anyReadings else { return result }
        // From the date back: the one on it, if any, then the latest before it.
        var handle = start(onOrBefore, reading)
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
        handle = start(after, reading)
        status = sqlite3_step(handle)
        if status == SQLITE_ROW {
            result.next = Self.neighbour(StatementRow(handle))
            status = SQLITE_DONE
        }
        try finish(handle, status)
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

    /// Resets `statement` and binds `reading`'s meter, zone and date to its three parameters.
    private func start(_ statement: Statement, _ reading: Reading) -> OpaquePointer {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle)
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
