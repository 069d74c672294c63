import RaschetCore
import GRDB
import GRDBSQLite

/// A cached `INSERT` statement executed with values bound straight through the SQLite C API
/// (`ParameterBinder`, as the import does): no per-row argument arrays on the close's hot path.
struct PreparedInsert {
    private let statement: Statement
    private let db: Database
    /// Where the texts of a statement of many rows are bound from (`BindingArena`); nil: SQLite
    /// copies each text.
    private let arena: BindingArena?

    init(_ db: Database, sql: String, arena: BindingArena? = nil) throws {
        self.statement = try db.cachedStatement(sql: sql)
        self.db = db
        self.arena = arena
    }

    /// Binds the statement's values (one row's, or each row's in turn) in its parameter order and
    /// executes the insert once.
    /// - Throws: `StoreError.Code.failed` with SQLite's message (a violated key, a full disk).
    func callAsFunction(_ bind: (inout ParameterBinder) -> Void) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        var binder = ParameterBinder(handle, arena: arena)
        bind(&binder)
        let status = sqlite3_step(handle)
        guard status == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw StoreError(.storingCloseResults, sqliteStatus: status, reason: message)
        }
    }
}
