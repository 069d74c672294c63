import GRDB
public import RaschetCore

/// The rows stored before an import, read through a read-only connection of its own while the
/// import's transaction writes on the store's connection: the import holds the write lock, so
/// the connection sees the rows as they were when the import began (WAL lets it read meanwhile).
public struct ImportSnapshot: StoredSnapshot {
    let path: String

    /// Opens the connection on the calling thread and runs `body` in one read transaction.
    /// - Throws: `StoreError` when the database cannot be read; whatever `body` throws.
    public func withLookup<T>(_ body: (any StoredLookup) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.databaseOperation(path, .openReader), cause: error)
        }
        return try queue.read { db in try body(try ImportSnapshotLookup(db: db, path: path)) }
    }
}

/// `StoredLookup` by prepared statements on one connection, inside `ImportSnapshot`'s read
/// transaction: one index seek per meter or payment id.
final class ImportSnapshotLookup: StoredLookup {
    private let readings: Statement
    private let posted: Statement
    private let path: String

    init(db: Database, path: String) throws {
        self.path = path
        do {
            readings = try db.makeStatement(sql: "SELECT \(StoredRows.readingColumns) FROM readings WHERE meter_id = ?")
            posted = try db.makeStatement(sql: """
                SELECT p.*, pp.period FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id
                WHERE pp.payment_id = ?
                """)
        } catch {
            throw StoreError(.databaseOperation(path, .readStoredRows), cause: error)
        }
    }

    func readings(ofMeter meterID: String) throws -> [Reading] {
        do {
            var found: [Reading] = []
            let rows = try Row.fetchCursor(readings, arguments: [meterID])
            while let row = try rows.next() { found.append(StoredRows.reading(row)) }
            return found
        } catch {
            throw StoreError(.databaseOperation(path, .readStoredRows), cause: error)
        }
    }

    func postedPayment(_ id: String) throws -> PostedPayment? {
        do {
            guard let row = try Row.fetchOne(posted, arguments: [id]) else { return nil }
            // The period column is written by the close as a period code.
            return PostedPayment(payment: StoredRows.payment(row), period: StoredRows.period(row[row.count - 1] as String))
        } catch {
            throw StoreError(.databaseOperation(path, .readStoredRows), cause: error)
        }
    }
}
