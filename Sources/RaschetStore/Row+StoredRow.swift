import GRDB
import RaschetCore

/// GRDB's rows, for the queries read through GRDB (a handful of rows, or an export's).
extension Row: StoredRow {
    func int64(_ column: Int) -> Int64 { self[column] ?? 0 }
    func optionalInt64(_ column: Int) -> Int64? { self[column] }
    func text(_ column: Int) -> String { self[column] ?? "" }
    func optionalText(_ column: Int) -> String? { self[column] }
    func date(_ column: Int) -> CivilDate? { (self[column] as String?).flatMap { StoredRows.isoDate($0) } }
    func period(_ column: Int) -> Period? { (self[column] as String?).flatMap { Period(parsing: $0) } }
}
