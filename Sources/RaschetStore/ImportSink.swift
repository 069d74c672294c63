public import RaschetCore
import GRDB
import GRDBSQLite

/// Stores rows inside `Store.importRows`' transaction, by prepared upserts: a row at a time, or
/// `rowsPerStatement` rows of one table in one statement (`add(contentsOf:)`).
public struct ImportSink: DataSink {
    /// Rows per multi-row upsert: SQLite's work per row of a big import is about halved against
    /// single-row statements (one statement start and one cursor per table for all of them); more
    /// rows gain nothing more. The texts of this many rows fit the `BindingArena`.
    static let rowsPerStatement = 64

    private let db: Database
    /// Per entity, by `EntityKind.allCases` position: the prepared upsert of one row and of
    /// `rowsPerStatement` rows, rows seen, rows changed (inserted or updated), and, once `finish`
    /// has taken them, rows updated (`ImportUpdateCounts`).
    private var statements = [Statement?](repeating: nil, count: EntityKind.allCases.count)
    private var manyRowStatements = [Statement?](repeating: nil, count: EntityKind.allCases.count)
    private var rows = [Int](repeating: 0, count: EntityKind.allCases.count)
    private var changes = [Int](repeating: 0, count: EntityKind.allCases.count)
    private var updated = [Int](repeating: 0, count: EntityKind.allCases.count)
    /// The current statement's texts, which SQLite reads in place.
    private let arena = BindingArena()
    /// What the rows stored so far add to the tables that keep track of them, stored by `finish`.
    private var marks: RowMarks

    init(db: Database) throws {
        self.db = db
        let stamp = try InputMarksTable.stamp(db)
        marks = RowMarks(stamp: stamp, stampLastDay: stamp?.lastDay)
        if let stamp { try InputMarksTable.makeChangeTriggers(stamp: stamp, db) }
        try ImportUpdateCounts.start(db)
    }

    /// What the rows add besides themselves: the span of the readings' dates (`ReadingSpanTable`),
    /// the readings' quarters (`ReadingQuarters`), and once a
    /// close has started, the payments dated before the first day after the latest started close
    /// (`LatePaymentsTable`). The input marks of the rows that change what is stored are written by
    /// `InputMarksTable`'s triggers, made for the import's transaction once a close has started.
    private struct RowMarks {
        /// The earliest through the latest date of the readings stored so far, nil before the first.
        var readingDates: ClosedRange<CivilDate>?
        /// The quarters of the readings stored so far, and the latest one's (a file's readings are
        /// mostly of one month: the set is looked at when it changes).
        var readingQuarters: Set<Int> = []
        var lastReadingQuarter = 0
        /// The latest started close, nil before any, and its last day.
        let stamp: Period?
        let stampLastDay: CivilDate?
        /// Marks not stored yet, stored `marksPerInsert` at a time, the rest by `finish`.
        var latePayments: [(accountID: String, paymentID: String)] = []

        var pending: Int { latePayments.count }

        mutating func note(_ reading: Reading) {
            let date = reading.date
            readingDates = readingDates.map { min($0.lowerBound, date)...max($0.upperBound, date) } ?? date...date
            let quarter = ReadingQuarters.quarter(of: date)
            if quarter != lastReadingQuarter {
                readingQuarters.insert(quarter)
                lastReadingQuarter = quarter
            }
        }

        mutating func note(_ payment: Payment) {
            if let stampLastDay, payment.date <= stampLastDay { latePayments.append((payment.accountID, payment.id)) }
        }
    }

    /// Marks stored per insert while the import goes on: memory stays bounded whatever the files hold.
    static let marksPerInsert = 4096

    /// Stores what the rows stored add to the tables that keep track of them and takes the counts of
    /// rows updated: call once, before the transaction commits.
    mutating func finish() throws {
        if let dates = marks.readingDates { try ReadingSpanTable.widen(to: dates, db) }
        try ReadingQuarters.note(marks.readingQuarters, db)
        try storeMarks()
        if marks.stamp != nil { try InputMarksTable.dropChangeTriggers(db) }
        updated = try ImportUpdateCounts.take(db)
    }

    private mutating func storeMarks() throws {
        guard !marks.latePayments.isEmpty else { return }
        try LatePaymentsTable.insert(marks.latePayments, into: db)
        marks.latePayments.removeAll(keepingCapacity: true)
    }

    /// Upserts one row; an identical stored row is left untouched.
    public mutating func add(_ row: DataRow) throws {
        let kind = row.kind
        let handle = try statement(for: kind, rows: 1).sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle, arena: arena)
        withUnsafePointer(to: row) { Self.bind($0, &binder, marks: &marks) }
        let status = sqlite3_step(handle)
        guard status == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw StoreError(.storingImportRow(entity: kind.name, key: row.keyDescription), sqliteStatus: status, reason: message)
        }
        rows[kind.position] += 1
        changes[kind.position] += Int(sqlite3_changes(db.sqliteConnection))
        if marks.pending >= Self.marksPerInsert { try storeMarks() }
    }

    /// Upserts `rows` in order: each full `rowsPerStatement` run of one table's rows by one
    /// statement, the others one by one. Stores and counts what `add` one by one would.
    public mutating func add(contentsOf rows: UnsafeBufferPointer<DataRow>) throws {
        guard let base = rows.baseAddress else { return }
        var start = rows.startIndex
        while start < rows.endIndex {
            let kind = DataRow.kind(of: base + start)
            var end = start + 1
            while end < rows.endIndex, end - start < Self.rowsPerStatement, DataRow.kind(of: base + end) == kind { end += 1 }
            if end - start == Self.rowsPerStatement {
                try addMany(UnsafeBufferPointer(rebasing: rows[start..<end]), of: kind)
            } else {
                for index in start..<end { try add(rows[index]) }
            }
            start = end
        }
    }

    /// Upserts `rowsPerStatement` rows of `kind` by one statement. When it fails, SQLite has undone
    /// that statement's rows; while the transaction is still open, they are stored again one by one,
    /// so that the error names the row that fails (as without the multi-row statement).
    private mutating func addMany(_ many: UnsafeBufferPointer<DataRow>, of kind: EntityKind) throws {
        let handle = try statement(for: kind, rows: many.count).sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle, arena: arena)
        if let base = many.baseAddress {
            for index in many.indices { Self.bind(base + index, &binder, marks: &marks) }
        }
        let status = sqlite3_step(handle)
        guard status == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            guard sqlite3_get_autocommit(db.sqliteConnection) == 0 else {
                throw StoreError(.storingImportRow(entity: kind.name, key: many[many.startIndex].keyDescription),
                                 sqliteStatus: status, reason: message)
            }
            for index in many.indices { try add(many[index]) }
            return
        }
        rows[kind.position] += many.count
        changes[kind.position] += Int(sqlite3_changes(db.sqliteConnection))
        if marks.pending >= Self.marksPerInsert { try storeMarks() }
    }

    /// Binds the row at `row` (read in place: the rows of a batch are not copied out of it) and notes
    /// it in `marks`.
    private static func bind(_ row: UnsafePointer<DataRow>, _ binder: inout ParameterBinder, marks: inout RowMarks) {
        // Payments are handed to `marks` once a close has started only: before, no copy is made of them.
        switch row.pointee {
        case .supplier(let v): TableCodecs.suppliers.bind(v, &binder)
        case .service(let v): TableCodecs.services.bind(v, &binder)
        case .tariff(let v): TableCodecs.tariffs.bind(v, &binder)
        case .account(let v): TableCodecs.accounts.bind(v, &binder)
        case .accountService(let v): TableCodecs.accountServices.bind(v, &binder)
        case .meter(let v): TableCodecs.meters.bind(v, &binder)
        case .reading(let v): TableCodecs.readings.bind(v, &binder); marks.note(v)
        case .volume(let v): TableCodecs.volumes.bind(v, &binder)
        case .payment(let v):
            TableCodecs.payments.bind(v, &binder)
            if marks.stamp != nil { marks.note(v) }
        case .absence(let v): TableCodecs.absences.bind(v, &binder)
        case .keyRate(let v): TableCodecs.keyRates.bind(v, &binder)
        }
    }

    /// The upsert of `rows` rows of `kind` (1 or `rowsPerStatement`), prepared at its first use.
    private mutating func statement(for kind: EntityKind, rows: Int) throws -> Statement {
        let single = rows == 1
        if let statement = single ? statements[kind.position] : manyRowStatements[kind.position] { return statement }
        let sql = switch kind {
        case .suppliers: TableCodecs.suppliers.upsertSQL(rows: rows)
        case .services: TableCodecs.services.upsertSQL(rows: rows)
        case .tariffs: TableCodecs.tariffs.upsertSQL(rows: rows)
        case .accounts: TableCodecs.accounts.upsertSQL(rows: rows)
        case .accountServices: TableCodecs.accountServices.upsertSQL(rows: rows)
        case .meters: TableCodecs.meters.upsertSQL(rows: rows)
        case .readings: TableCodecs.readings.upsertSQL(rows: rows)
        case .volumes: TableCodecs.volumes.upsertSQL(rows: rows)
        case .payments: TableCodecs.payments.upsertSQL(rows: rows)
        case .absences: TableCodecs.absences.upsertSQL(rows: rows)
        case .keyRates: TableCodecs.keyRates.upsertSQL(rows: rows)
        }
        let statement = try db.makeStatement(sql: sql)
        if single { statements[kind.position] = statement } else { manyRowStatements[kind.position] = statement }
        return statement
    }

    /// What the import did to each table, once `finish` has run.
    func summary() -> ImportSummary {
        var tables: [ImportSummary.Counts] = []
        for kind in EntityKind.allCases where rows[kind.position] > 0 {
            tables.append(.init(kind: kind, rows: rows[kind.position], inserted: changes[kind.position] - updated[kind.position],
                                updated: updated[kind.position]))
        }
        return ImportSummary(tables: tables)
    }
}
