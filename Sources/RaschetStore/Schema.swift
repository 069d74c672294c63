import GRDB
import RaschetCore

/// The versioned SQLite schema. Money is stored as integer kopecks, quantities and prices as
/// integer millionths (`ExactDecimal.micros`), dates as `YYYY-MM-DD` text, periods as `YYYY-MM`,
/// booleans as 0/1. Tables are named after the entities and keyed by their natural keys (the
/// readings by their quarter first, `ReadingQuarters`); their columns come from the column table
/// (`EntityKind.columns`).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-reference-data") { db in
            for kind in EntityKind.allCases {
                try db.execute(sql: createTableSQL(kind))
                if let index = v1Indexes[kind] { try db.execute(sql: index) }
            }
        }
        registerMonthlyClose(in: &migrator)
        registerDocuments(in: &migrator)
        registerOutbox(in: &migrator)
        registerForcedReadings(in: &migrator)
        registerCloseFingerprints(in: &migrator)
        PendingReviewListsTable.register(in: &migrator)
        registerAccountLines(in: &migrator)
        registerPaymentTotals(in: &migrator)
        ReadingSpanTable.register(in: &migrator)
        LatePaymentsTable.register(in: &migrator)
        InputMarksTable.register(in: &migrator)
        registerSettledDebts(in: &migrator)
        registerOpenDebts(in: &migrator)
        PremisesHistoryTable.register(in: &migrator)
        RolloverReadingsIndex.register(in: &migrator)
        CloseAccountsTable.register(in: &migrator)
        ReadingQuarters.register(in: &migrator)
        PaymentMonths.register(in: &migrator)
        VolumePeriods.register(in: &migrator)
        ReadingSpanTable.registerLatest(in: &migrator)
        ReadingChangesTable.register(in: &migrator)
        MeterChangesTable.register(in: &migrator)
        CloseRunsTable.register(in: &migrator)
        return migrator
    }

    /// The entity's columns of its table in the order a stored row has them (`SELECT *`, after the
    /// readings' `quarter`, `ReadingQuarters`): the first schema's columns, then those added later
    /// (`Column.addedBy`), in column-table order.
    static func storedColumns(_ kind: EntityKind) -> [RaschetCore.Column] {
        let table = kind.columns
        let first = table.columns.filter { $0.addedBy == nil }
        let later = table.columns.filter { $0.addedBy != nil }
        guard let order = v1Order[kind] else { return first + later }
        precondition(order.sorted() == first.map(\.name).sorted(), "Schema.v1Order[\(kind)] must list the first schema's columns")
        return order.map { name in first.first { $0.name == name }! } + later
    }

    /// `CREATE TABLE` of an entity as the first schema (`v1-reference-data`) made it: the column
    /// table's columns that no later migration added, `NOT NULL` where every row has a value,
    /// keyed by the natural key.
    static func createTableSQL(_ kind: EntityKind) -> String {
        let columns = storedColumns(kind).filter { $0.addedBy == nil }
        let keys = columns.filter(\.key)
        var definitions = columns.map { definition($0, primaryKey: keys.count == 1 && $0.key) }
        if keys.count > 1 {
            definitions.append("PRIMARY KEY (" + kind.keyColumns.map(quoted).joined(separator: ", ") + ")")
        }
        return "CREATE TABLE \(kind.name) (\n    " + definitions.joined(separator: ",\n    ") + "\n) WITHOUT ROWID"
    }

    /// `ALTER TABLE ... ADD COLUMN` of a column added after the first schema, for its migration.
    /// - Precondition: the column is optional without a default (existing rows hold no value).
    static func addColumnSQL(_ column: RaschetCore.Column, to kind: EntityKind) -> String {
        precondition(!column.alwaysFilled && !column.key,
                     "\(kind.name).\(column.name): a column added to existing rows must be optional, without a default")
        return "ALTER TABLE \(kind.name) ADD COLUMN " + definition(column, primaryKey: false)
    }

    private static func definition(_ column: RaschetCore.Column, primaryKey: Bool) -> String {
        var sql = quoted(column.name) + (column.type.storedAsInteger ? " INTEGER" : " TEXT")
        if primaryKey { sql += " PRIMARY KEY" }
        if column.alwaysFilled { sql += " NOT NULL" }
        if let table = column.references { sql += " REFERENCES \(table.name)" }
        return sql
    }

    static func quoted(_ name: String) -> String { "\"\(name)\"" }

    /// The `VALUES` list of an `INSERT` of `rows` rows of `columns` parameters each: `(?, ?), (?, ?)`.
    static func valuesPlaceholders(columns: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// The first schema laid these tables out in an order other than SPEC order (existing
    /// databases keep it, and `SELECT *` returns it).
    private static let v1Order: [EntityKind: [String]] = [
        .tariffs: ["service_id", "valid_from", "valid_to", "price", "zone", "category", "norm", "coefficient"],
        .readings: ["meter_id", "date", "zone", "value", "source", "rollover"],
    ]

    /// The first schema's secondary indexes (the close reads meters and payments by account).
    private static let v1Indexes: [EntityKind: String] = [
        .meters: "CREATE INDEX meters_by_account ON meters (account_id)",
        .payments: "CREATE INDEX payments_by_account ON payments (account_id, date)",
    ]
}
