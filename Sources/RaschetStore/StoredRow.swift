import RaschetCore

/// A stored row read by column position: GRDB's `Row` and `StatementRow` (the SQLite C API)
/// both are one, so each stored row has one decoder (`StoredRows`, `TableCodec`) whichever way it
/// was read.
///
/// A value that does not fit its column's form (an edited database) reads as the neutral value
/// the decoders expect: NULL as 0 or "", a text that is not a date or period as nil.
protocol StoredRow {
    /// The column's integer; 0 when NULL.
    func int64(_ column: Int) -> Int64
    /// The column's integer; nil when NULL.
    func optionalInt64(_ column: Int) -> Int64?
    /// The column's text; "" when NULL.
    func text(_ column: Int) -> String
    /// The column's text; nil when NULL.
    func optionalText(_ column: Int) -> String?
    /// The column's `YYYY-MM-DD` (or `DD.MM.YYYY`) date; nil when NULL or not a date.
    func date(_ column: Int) -> CivilDate?
    /// The column's `YYYY-MM` period; nil when NULL or not a period.
    func period(_ column: Int) -> Period?
    /// The case of `T` whose raw value is the column's text; nil when NULL or no case has it.
    func choice<T: RawRepresentable & CaseIterable>(_ column: Int, of type: T.Type) -> T? where T.RawValue == String
}

extension StoredRow {
    func choice<T: RawRepresentable & CaseIterable>(_ column: Int, of type: T.Type) -> T? where T.RawValue == String {
        optionalText(column).flatMap(T.init(rawValue:))
    }
}
