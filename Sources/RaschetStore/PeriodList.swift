import RaschetCore

/// Consecutive periods bound as one statement parameter: a JSON array of their codes, read by SQLite's
/// `json_each`. A table keyed or indexed by period first (`payments.month`, `volumes.period`) is read
/// for the periods of such a list with one seek per period, in the list's order.
enum PeriodList {
    /// The JSON array of the codes of the periods `from` through `through`; empty when `from` is nil
    /// or later.
    static func json(from: Period?, through: Period) -> String {
        guard let from, from <= through else { return "[]" }
        return "[" + (from.ordinal...through.ordinal).map { "\"\(Period(ordinal: $0).code)\"" }.joined(separator: ",") + "]"
    }

    /// SQL: `column` is one of the periods of the JSON array `parameter` (`json`), a parameter such as
    /// `?3`.
    static func contains(_ column: String, _ parameter: String) -> String {
        "\(column) IN (SELECT value FROM json_each(\(parameter)))"
    }
}
