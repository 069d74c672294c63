import GRDBSQLite
import RaschetCore

/// The current row of a statement being stepped through the SQLite C API (`StatementRows`),
/// read by column position. Texts are read in place: a `String` is made only for a text column
/// asked for as text; dates and periods are parsed from the column's bytes.
struct StatementRow: StoredRow {
    private let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(truncatingIfNeeded: column)) }

    func optionalInt64(_ column: Int) -> Int64? {
        let index = Int32(truncatingIfNeeded: column)
        return sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
    }

    func text(_ column: Int) -> String { optionalText(column) ?? "" }

    func optionalText(_ column: Int) -> String? { withBytes(column) { String(decoding: $0, as: UTF8.self) } }

    func date(_ column: Int) -> CivilDate? { withBytes(column, StoredRows.isoDate) ?? nil }

    func period(_ column: Int) -> Period? { withBytes(column, StoredRows.period) ?? nil }

    /// Compares the column's bytes with each case's raw value: no `String` per row.
    func choice<T: RawRepresentable & CaseIterable>(_ column: Int, of type: T.Type) -> T? where T.RawValue == String {
        withBytes(column) { bytes in
            T.allCases.first { value in
                var raw = value.rawValue
                return raw.withUTF8 { $0.holdsSameBytes(as: bytes) }
            }
        } ?? nil
    }

    /// The column's text as `previous` when its bytes are `previous`'s (a run of rows of one meter
    /// then shares one `String`), else as a new `String`, which `previous` becomes; "" when NULL.
    func text(_ column: Int, reusing previous: inout String) -> String {
        let same = withBytes(column) { bytes in previous.withUTF8 { $0.holdsSameBytes(as: bytes) } } ?? previous.isEmpty
        if !same { previous = text(column) }
        return previous
    }

    /// How the column's text orders against `text` byte by byte, as SQLite's BINARY collation
    /// orders texts: negative when it comes first, 0 when equal, positive when after (NULL first).
    func compareText(_ column: Int, with text: String) -> Int {
        var text = text
        return withBytes(column) { bytes in
            text.withUTF8 { other in
                for index in 0..<min(bytes.count, other.count) where bytes[index] != other[index] {
                    return Int(bytes[index]) - Int(other[index])
                }
                return bytes.count - other.count
            }
        } ?? -1
    }

    /// Calls `body` with the column's bytes as a blob (valid until the next step); none when NULL.
    func withBlob<T>(_ column: Int, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let index = Int32(truncatingIfNeeded: column)
        // `sqlite3_column_blob` first, then `sqlite3_column_bytes` counts it (NULL for NULL or an empty blob).
        guard let start = sqlite3_column_blob(handle, index) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, index))))
    }

    /// Calls `body` with the column's text bytes (valid until the next step); nil when NULL.
    private func withBytes<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        let index = Int32(truncatingIfNeeded: column)
        // `sqlite3_column_text` first: it converts the value, then `sqlite3_column_bytes` counts it.
        guard let start = sqlite3_column_text(handle, index) else { return nil }
        return body(UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, index))))
    }
}
