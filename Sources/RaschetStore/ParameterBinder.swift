import GRDBSQLite
import RaschetCore

/// Binds one row's values to a prepared statement's parameters, in order, straight through the
/// SQLite C API: no per-row arrays or existential boxes on the import's hot path.
struct ParameterBinder {
    private let statement: OpaquePointer
    private var index: Int32 = 1

    init(_ statement: OpaquePointer) {
        self.statement = statement
    }

    /// SQLite copies the bytes (`SQLITE_TRANSIENT`, a C macro Swift cannot import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func add(_ text: String?) {
        if var text {
            text.withUTF8 { bytes in
                _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        } else {
            sqlite3_bind_null(statement, index)
        }
        index += 1
    }

    mutating func add(_ number: Int64?) {
        if let number { sqlite3_bind_int64(statement, index, number) } else { sqlite3_bind_null(statement, index) }
        index += 1
    }

    mutating func add(_ number: Int?) { add(number.map(Int64.init)) }
    mutating func add(_ flag: Bool) { add(Int64(flag ? 1 : 0)) }
    /// Quantities and prices as integer millionths.
    mutating func add(_ value: ExactDecimal?) { add(value?.micros) }
    /// Dates as `YYYY-MM-DD`.
    mutating func add(_ date: CivilDate?) { add(date?.isoString) }
}
