import GRDB

/// An `INSERT` of many rows of one table: ``rowsPerStatement`` rows per statement
/// (`INSERT ... VALUES (...), (...)`), the rest one by one. SQLite's work per row is about half that
/// of one row per statement (measured for the import's upserts, `ImportSink`); the rows stored are
/// the same.
struct ManyRowInsert<Row> {
    /// Rows per statement of many rows.
    static var rowsPerStatement: Int { 64 }

    private let many: PreparedInsert
    private let single: PreparedInsert
    private let bind: (Row, inout ParameterBinder) -> Void

    /// Inserts into `table`'s `columns` (`replacing`: a row with the key of one stored replaces it);
    /// `bind` binds one row's values in that order.
    init(_ db: Database, table: String, columns: [String], replacing: Bool = false,
         bind: @escaping (Row, inout ParameterBinder) -> Void) throws {
        func sql(rows: Int) -> String {
            (replacing ? "INSERT OR REPLACE" : "INSERT") + " INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Schema.valuesPlaceholders(columns: columns.count, rows: rows)
        }
        many = try PreparedInsert(db, sql: sql(rows: Self.rowsPerStatement), arena: BindingArena())
        single = try PreparedInsert(db, sql: sql(rows: 1))
        self.bind = bind
    }

    /// Inserts `rows` in order; `rows` is counted once, then read once (a lazy view may be passed).
    /// - Throws: `StoreError.Code.failed` with SQLite's message; the failing statement's rows are
    ///   then not stored (the caller's transaction decides about the rest).
    func callAsFunction(_ rows: some Collection<Row>) throws {
        var iterator = rows.makeIterator()
        for _ in 0..<(rows.count / Self.rowsPerStatement) {
            // A collection of `count` rows: each of these statements' rows is there.
            try many { binder in
                for _ in 0..<Self.rowsPerStatement { bind(iterator.next()!, &binder) }
            }
        }
        while let row = iterator.next() {
            try single { binder in bind(row, &binder) }
        }
    }
}
