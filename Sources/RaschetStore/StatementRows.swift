import GRDB
import GRDBSQLite
import RaschetCore

/// A cached query stepped through the SQLite C API, its rows read in place (`StatementRow`): no
/// GRDB `Row` per row and no argument arrays where millions of rows are read: the close's and the
/// receipts' inputs, the charges export.
struct StatementRows {
    private let statement: Statement
    private let db: Database
    /// What a failed step was doing, for its `StoreError`.
    private let context: Message

    init(_ db: Database, sql: String, context: Message) throws {
        self.statement = try db.cachedStatement(sql: sql)
        self.db = db
        self.context = context
    }

    /// Binds the query's parameters with `bind` (in order) and calls `body` with each row.
    /// - Throws: `StoreError` with SQLite's message when a step fails; whatever `body` throws.
    func forEach(_ bind: (inout ParameterBinder) -> Void, _ body: (StatementRow) throws -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        var binder = ParameterBinder(handle)
        bind(&binder)
        let row = StatementRow(handle)
        var status = sqlite3_step(handle)
        while status == SQLITE_ROW {
            try body(row)
            status = sqlite3_step(handle)
        }
        guard status == SQLITE_DONE else {
            throw StoreError(context, sqliteStatus: status, reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
