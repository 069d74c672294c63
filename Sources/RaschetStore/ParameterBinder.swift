import GRDBSQLite
import RaschetCore

/// Binds one statement's values (one row's, or several rows' one after the other) to its
/// parameters, in order, straight through the SQLite C API: no per-row arrays or existential boxes on the import's hot path.
struct ParameterBinder {
    private let statement: OpaquePointer
    private var index: Int32 = 1
    /// Where texts are put for SQLite to read in place; nil: SQLite copies each text.
    private let arena: BindingArena?

    /// A binder for one statement's values; with `arena`, their texts are bound from it (the
    /// previous statement's bytes are reused, see `BindingArena`).
    init(_ statement: OpaquePointer, arena: BindingArena? = nil) {
        self.statement = statement
        self.arena = arena
        arena?.reset()
    }

    /// SQLite copies the bytes (`SQLITE_TRANSIENT`, a C macro Swift cannot import).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    /// SQLite reads the bytes where they are (`SQLITE_STATIC`).
    private static let inPlace = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    mutating func add(_ text: String?) {
        if var text {
            text.withUTF8 { bytes in
                if let arena, let source = bytes.baseAddress, let room = arena.take(bytes.count) {
                    room.update(from: source, count: bytes.count)
                    _ = sqlite3_bind_text(statement, index, room, Int32(bytes.count), Self.inPlace)
                } else {
                    _ = sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
                }
            }
        } else {
            sqlite3_bind_null(statement, index)
        }
        index += 1
    }

    /// A blob: from the arena when it has room, else copied by SQLite.
    mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            if let arena, let base = source.baseAddress, let room = arena.take(source.count) {
                room.update(from: base, count: source.count)
                _ = sqlite3_bind_blob(statement, index, room, Int32(source.count), Self.inPlace)
            } else {
                _ = sqlite3_bind_blob(statement, index, source.baseAddress, Int32(source.count), Self.transient)
            }
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
    /// Dates as `YYYY-MM-DD`: with an arena, its digits are written there (no `String` per date).
    mutating func add(_ date: CivilDate?) {
        guard let date, let arena, let room = arena.take(10) else { return add(date?.isoString) }
        date.writeISO(to: room)
        _ = sqlite3_bind_text(statement, index, room, 10, Self.inPlace)
        index += 1
    }
}
