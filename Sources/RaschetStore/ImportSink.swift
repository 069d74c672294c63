public import RaschetCore
import GRDB
import GRDBSQLite

/// Stores rows inside `Store.importRows`' transaction, one prepared upsert per table.
public struct ImportSink: DataSink {
    private let db: Database
    /// Per entity, by `EntityKind.allCases` position: the prepared upsert, rows seen, rows
    /// changed (inserted or updated), and the table's row count before the first row.
    private var statements = [Statement?](repeating: nil, count: EntityKind.allCases.count)
    private var rows = [Int](repeating: 0, count: EntityKind.allCases.count)
    private var changes = [Int](repeating: 0, count: EntityKind.allCases.count)
    private var countsBefore = [Int](repeating: 0, count: EntityKind.allCases.count)
    /// The current row's texts, which SQLite reads in place.
    private let arena = BindingArena()

    init(db: Database) throws {
        self.db = db
    }

    /// Upserts one row; an identical stored row is left untouched.
    public mutating func add(_ row: DataRow) throws {
        let kind = row.kind
        let statement = try self.statement(for: kind)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle, arena: arena)
        switch row {
        case .supplier(let v): TableCodecs.suppliers.bind(v, &binder)
        case .service(let v): TableCodecs.services.bind(v, &binder)
        case .tariff(let v): TableCodecs.tariffs.bind(v, &binder)
        case .account(let v): TableCodecs.accounts.bind(v, &binder)
        case .accountService(let v): TableCodecs.accountServices.bind(v, &binder)
        case .meter(let v): TableCodecs.meters.bind(v, &binder)
        case .reading(let v): TableCodecs.readings.bind(v, &binder)
        case .volume(let v): TableCodecs.volumes.bind(v, &binder)
        case .payment(let v): TableCodecs.payments.bind(v, &binder)
        case .absence(let v): TableCodecs.absences.bind(v, &binder)
        case .keyRate(let v): TableCodecs.keyRates.bind(v, &binder)
        }
        let status = sqlite3_step(handle)
        guard status == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw StoreError(.storingImportRow(entity: kind.name, key: row.keyDescription), sqliteStatus: status, reason: message)
        }
        rows[kind.position] += 1
        changes[kind.position] += Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Adds the stored readings to `meters`, with room made for them first (the count that the
    /// readings' summary needs anyway): read inside the transaction before any reading is stored.
    public mutating func loadStoredReadings(into meters: inout KnownMeters) throws {
        _ = try statement(for: .readings)
        meters.reserveCapacity(forReadings: countsBefore[EntityKind.readings.position])
        let readings = try Row.fetchCursor(db, sql: "SELECT \(StoredRows.readingColumns) FROM readings")
        while let row = try readings.next() { meters.addStored(StoredRows.reading(row)) }
    }

    private mutating func statement(for kind: EntityKind) throws -> Statement {
        if let statement = statements[kind.position] { return statement }
        countsBefore[kind.position] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.name)") ?? 0
        let sql = switch kind {
        case .suppliers: TableCodecs.suppliers.upsertSQL
        case .services: TableCodecs.services.upsertSQL
        case .tariffs: TableCodecs.tariffs.upsertSQL
        case .accounts: TableCodecs.accounts.upsertSQL
        case .accountServices: TableCodecs.accountServices.upsertSQL
        case .meters: TableCodecs.meters.upsertSQL
        case .readings: TableCodecs.readings.upsertSQL
        case .volumes: TableCodecs.volumes.upsertSQL
        case .payments: TableCodecs.payments.upsertSQL
        case .absences: TableCodecs.absences.upsertSQL
        case .keyRates: TableCodecs.keyRates.upsertSQL
        }
        let statement = try db.makeStatement(sql: sql)
        statements[kind.position] = statement
        return statement
    }

    func summary() throws -> ImportSummary {
        var tables: [ImportSummary.Counts] = []
        for kind in EntityKind.allCases {
            guard rows[kind.position] > 0 else { continue }
            let after = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(kind.name)") ?? 0
            let inserted = after - countsBefore[kind.position]
            tables.append(.init(kind: kind, rows: rows[kind.position], inserted: inserted,
                                updated: changes[kind.position] - inserted))
        }
        return ImportSummary(tables: tables)
    }
}
