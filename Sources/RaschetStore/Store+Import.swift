public import RaschetCore
import GRDB

/// What one import did to each table.
public struct ImportSummary: Sendable, Hashable {
    public struct Counts: Sendable, Hashable {
        public var kind: EntityKind
        /// Rows read for this entity.
        public var rows: Int
        /// Rows that were not there before.
        public var inserted: Int
        /// Rows whose key existed with other values.
        public var updated: Int
        public var unchanged: Int { rows - inserted - updated }
    }

    /// Per entity with at least one row, in dependency order.
    public var tables: [Counts]
}

extension Store {
    /// Runs an import in one write transaction: `body` gets a sink that stores each row as it comes
    /// (upserting by natural key), the keys already stored, to own (when they are its only copy, the
    /// import adds to them without copying them first), and the stored rows its checks look up by
    /// key (the readings and posted payments, which grow every month and are never all in memory).
    /// It returns whether to commit.
    /// Nothing of the import is seen unless the transaction commits: an import that fails or is
    /// killed leaves the rows as they were (the first import into a database that holds no rows
    /// runs under a rollback journal, from which the next connection restores the file).
    /// - Returns: what the import did to each table (nil when `body` chose to roll back) and the
    ///   body's own result.
    public func importRows<T>(
        _ body: (inout ImportSink, consuming KnownKeys, ImportSnapshot) throws -> (commit: Bool, result: T)
    ) throws -> (summary: ImportSummary?, result: T) {
        do {
            // A large page cache keeps the tables' B-trees in memory while millions of rows go in.
            // Rows in key order would need only the B-trees' right edges (32 MiB did as well there),
            // but files in any other order, a bank's payments by date for one, change pages all over
            // them: with 32 MiB, a shuffled month of 10^6 spilled pages to the WAL and back and took a
            // third longer (Benchmarks/JOURNAL.md, import).
            // The importer checks every reference itself (with messages that name file, line and
            // fix) before a row reaches the sink, so SQLite's own foreign-key lookups would only
            // repeat that work; they are off for this connection's import and on again after it.
            // The statement journal of each multi-row upsert (the pages it changes, to undo it if it
            // fails) stays in memory, a few pages at a time, instead of a temporary file written
            // page by page (`temp_store`, back to the default after the import).
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY")
            }
            defer {
                try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA temp_store = DEFAULT") }
            }
            if try beginFirstLoad() {
                // Should this fail, the next `Store.open` puts the database under the log.
                defer { try? queue.writeWithoutTransaction { db in try Self.useWriteAheadLog(db) } }
                if let outcome = try importTransaction(body, firstLoad: true) { return outcome }
            }
            return try importTransaction(body, firstLoad: false)!
        } catch let error as DatabaseError {
            throw StoreError(.databaseOperation(path, .storeImport), cause: error)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction (it waits for another writer before reading the keys;
    /// a deferred transaction would fail at its first write if that writer committed meanwhile).
    /// - Returns: nil, having done nothing, for a `firstLoad` when the database turns out to hold
    ///   rows (another command stored some after `beginFirstLoad` looked).
    private func importTransaction<T>(
        _ body: (inout ImportSink, consuming KnownKeys, ImportSnapshot) throws -> (commit: Bool, result: T),
        firstLoad: Bool
    ) throws -> (summary: ImportSummary?, result: T)? {
        var outcome: (summary: ImportSummary?, result: T)?
        try queue.inTransaction(.immediate) { db in
            let holdsRows = try Self.holdsRows(db)
            if firstLoad && holdsRows { return .rollback }
            let keys = try Self.knownKeys(db)
            var sink = try ImportSink(db: db)
            let (commit, result) = try body(&sink, consume keys, ImportSnapshot(path: path, holdsRows: holdsRows))
            if commit { try sink.finish() }
            outcome = (commit ? sink.summary() : nil, result)
            return commit ? .commit : .rollback
        }
        return outcome
    }

    /// Puts a database that holds no rows under a rollback journal for its first import, which then
    /// writes each page once: a rollback journal keeps only the pages that existed before the
    /// transaction (a new database's few schema pages), where the write-ahead log takes every page
    /// and copies it into the file again at the checkpoint (Benchmarks/JOURNAL.md, "The first import
    /// written once"). The import is as atomic as with the log: killed part-way, the next
    /// connection rolls the file back from the journal. `synchronous = FULL` syncs the journal
    /// before the file is written, as a rollback journal needs to survive a power cut. Meanwhile no
    /// other command can read the database, which holds nothing to read yet.
    /// - Returns: whether the database is now under the rollback journal; false when it holds rows
    ///   or another connection is open on it (leaving the log needs the only one).
    private func beginFirstLoad() throws -> Bool {
        try queue.writeWithoutTransaction { db in
            guard try !Self.holdsRows(db) else { return false }
            do {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete" else { return false }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return false
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            return true
        }
    }

    /// Back to the write-ahead log and the sync level every connection opens with (`Store.open`).
    private static func useWriteAheadLog(_ db: Database) throws {
        try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
    }

    /// Whether any entity's table holds a row.
    private static func holdsRows(_ db: Database) throws -> Bool {
        let tables = EntityKind.allCases.map { "SELECT 1 FROM \($0.name)" }.joined(separator: " UNION ALL ")
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (\(tables))") ?? false
    }

    /// Stores every row of `dataSet` in one transaction: all or nothing.
    public func store(_ dataSet: DataSet) throws -> ImportSummary {
        let (summary, _) = try importRows { sink, _, _ in
            try dataSet.rows.withUnsafeBufferPointer { rows in try sink.add(contentsOf: rows) }
            return (true, ())
        }
        return summary!
    }

    /// The keys that rows of a new import may reference.
    static func knownKeys(_ db: Database) throws -> KnownKeys {
        var keys = KnownKeys()
        keys.suppliers = Set(try String.fetchAll(db, sql: "SELECT supplier_id FROM suppliers"))
        keys.services = Set(try String.fetchAll(db, sql: "SELECT service_id FROM services"))
        keys.accounts = Set(try String.fetchAll(db, sql: "SELECT account_id FROM accounts"))
        let meters = try Row.fetchCursor(db, sql: "SELECT meter_id, zones FROM meters")
        while let row = try meters.next() {
            keys.meters.addMeter(row[0], zones: row[1])
        }
        return keys
    }

    /// Every row of an entity's table as text cells, ordered by the natural key: a canonical
    /// dump for comparing two databases (`NULL` prints as an empty cell marked `∅`).
    public func contents(of kind: EntityKind) throws(StoreError) -> [[String]] {
        try read { db in
            let order = kind.keyColumns.map { "\"\($0)\"" }.joined(separator: ", ")
            let columns = Schema.storedColumns(kind).map { Schema.quoted($0.name) }.joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT \(columns) FROM \(kind.name) ORDER BY \(order)")
            return rows.map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: "∅"
                    case .int64(let number): String(number)
                    case .double(let number): String(number)
                    case .string(let text): text
                    case .blob(let data): data.map { String($0, radix: 16) }.joined()
                    }
                }
            }
        }
    }

    /// The number of rows of each entity's table, in dependency order.
    public func rowCounts() throws(StoreError) -> [(kind: EntityKind, rows: Int)] {
        try read { db in
            try EntityKind.allCases.map { kind in (kind, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.name)") ?? 0) }
        }
    }
}
