import RaschetCore

/// Where each schema column sits in a row's fields: built once per CSV header, or per XML element.
/// A class: each row's `RowDecoder` holds it, and a reference is retained once where the copy of a
/// struct retained each of its arrays.
final class ColumnLayout: Sendable {
    let schema: EntitySchema
    /// Per schema column (in schema order), its field index in a row, or nil when the file
    /// lacks the column.
    let positions: [Int?]

    /// The two columns `--partial` appends to a rejected-rows file (`RejectedRowsWriter`).
    static let rejectedRowsColumns = ["source_line", "reason"]

    /// `names` without the `source_line;reason` at their end that mark a rejected-rows file.
    static func dataColumns(_ names: [String]) -> ArraySlice<String> {
        names.suffix(rejectedRowsColumns.count).elementsEqual(rejectedRowsColumns)
            ? names.dropLast(rejectedRowsColumns.count) : names[...]
    }

    /// Matches field names against the schema. A header that ends with `source_line;reason` is a
    /// rejected-rows file: those two columns are ignored, so that the corrected file imports as it is.
    /// - Throws: an `IngestError` for each unknown or duplicate column, and each missing required column.
    init(fieldNames: [String], schema: EntitySchema, file: String, line: Int) throws(IngestErrors) {
        var positions = [Int?](repeating: nil, count: schema.columns.count)
        var problems: [IngestError] = []
        let names = Self.dataColumns(fieldNames)
        for (fieldIndex, name) in names.enumerated() {
            guard let column = schema.columns.firstIndex(of: name) else {
                problems.append(IngestError(file: file, line: line, column: name, message:
                    .unknownColumn(entity: schema.kind.name, expected: schema.columns)))
                continue
            }
            if positions[column] != nil {
                problems.append(IngestError(file: file, line: line, column: name, message: .columnTwice))
            }
            positions[column] = fieldIndex
        }
        for (column, name) in schema.columns.enumerated() where positions[column] == nil && schema.required.contains(name) {
            problems.append(IngestError(file: file, line: line, column: name, message: .requiredColumnMissing))
        }
        guard problems.isEmpty else { throw IngestErrors(problems) }
        self.schema = schema
        self.positions = positions
    }
}

/// Several input problems found together (a file reports all of its bad rows at once).
public struct IngestErrors: Error, Sendable {
    public var errors: [IngestError]
    public init(_ errors: [IngestError]) { self.errors = errors }
}
