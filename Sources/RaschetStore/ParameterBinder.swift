import GRDBSQLite
import RaschetCore

/// Binds one statement's values (one row's, or several rows' one after the other) to its
/// parameters, in order, straight through the SQLite C API: no per-row arrays or existential boxes on the import's hot path.
struct ParameterBinder {
    private let statement: OpaquePointer
    private var index: Int32 = 1
    /// Where texts and blobs are put for SQLite to read in place; nil: SQLite copies each.
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
                place(bytes) { _ = sqlite3_bind_text(statement, index, $0?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), $1) }
            }
        } else {
            sqlite3_bind_null(statement, index)
        }
        index += 1
    }

    /// A blob.
    mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            place(source) { _ = sqlite3_bind_blob(statement, index, $0, Int32(source.count), $1) }
        }
        index += 1
    }

    /// Hands `bind` where a value's `bytes` are for SQLite to read, and how: in the arena when it has
    /// room (read in place), else where they are (copied by SQLite).
    private func place(_ bytes: UnsafeBufferPointer<UInt8>, _ bind: (UnsafeRawPointer?, sqlite3_destructor_type) -> Void) {
        if let arena, let source = bytes.baseAddress, let room = arena.take(bytes.count) {
            room.update(from: source, count: bytes.count)
            bind(room, Self.inPlace)
        } else {
            bind(bytes.baseAddress, Self.transient)
        }
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
