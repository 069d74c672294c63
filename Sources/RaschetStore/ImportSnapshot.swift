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
/// transaction: one index seek per meter or payment id, the columns read straight through the
/// SQLite C API (a month's import looks up about one meter per reading and every payment). A table
/// found empty is not searched (an import before the first close stores no posted payments).
final class ImportSnapshotLookup: StoredLookup {
    private let db: Database
    private let readings: Statement
    private let posted: Statement
    private let anyReadings: Bool
    private let anyPosted: Bool
    private let path: String

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        do {
            readings = try db.makeStatement(sql: "SELECT date, zone, value, rollover FROM readings WHERE meter_id = ?")
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

    func readings(ofMeter meterID: String) throws -> [Reading] {
        guard anyReadings else { return [] }
        let handle = start(readings, key: meterID)
        var found: [Reading] = []
        let row = StatementRow(handle)
        var status = sqlite3_step(handle)
        while status == SQLITE_ROW {
            found.append(Reading(meterID: meterID, date: row.date(0) ?? StoredRows.neutralDate, value: ExactDecimal(micros: row.int64(2)),
                                 zone: Zone(rawValue: row.text(1)) ?? .single, rollover: row.int64(3) != 0))
            status = sqlite3_step(handle)
        }
        try finish(handle, status)
        return found
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

    /// Throws when the last step failed; resets the statement either way.
    private func finish(_ handle: OpaquePointer, _ status: Int32) throws {
        defer { sqlite3_reset(handle) }
        guard status == SQLITE_DONE else {
            throw StoreError(.databaseOperation(path, .readStoredRows), sqliteStatus: status,
                             reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
