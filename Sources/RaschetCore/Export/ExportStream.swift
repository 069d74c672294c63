/// Writes an export record by record, so no export is ever held whole (`raschet export` of a center
/// of 10^6 accounts): the same bytes as `ExportTable.json` / `ExportTable.csv` of the same records,
/// handed out in pieces.
public struct ExportStream: Sendable {
    public enum Format: String, Sendable, Hashable {
        case json, csv
    }

    public let format: Format
    private let header: [ExportTable.Field]
    private let collection: String
    private let columns: [String]
    /// CSV only: numbers (`ExportTable.numericColumns`) written with a decimal comma (`1234,56`) for
    /// spreadsheets of a Russian locale; the field separator stays `;`.
    private let decimalComma: Bool
    private var records = 0

    public init(format: Format, header: [ExportTable.Field], collection: String, columns: [String], decimalComma: Bool = false) {
        self.format = format; self.header = header; self.collection = collection; self.columns = columns
        self.decimalComma = decimalComma && format == .csv
    }

    /// The text before the first record.
    public func opening() -> String {
        switch format {
        case .json:
            var out = "{"
            for field in header { out += ExportTable.quoted(field.key) + ":" + ExportTable.quoted(field.value) + "," }
            return out + ExportTable.quoted(collection) + ":["
        case .csv:
            return columns.map(ExportTable.csvField).joined(separator: ";") + "\n"
        }
    }

    /// The text of one record (its fields in `columns` order).
    public mutating func record(_ fields: [ExportTable.Field]) -> String {
        defer { records += 1 }
        switch format {
        case .json:
            var out = records == 0 ? "\n{" : ",\n{"
            out.reserveCapacity(fields.reduce(8) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 })
            for (index, field) in fields.enumerated() {
                if index > 0 { out += "," }
                ExportTable.appendQuoted(field.key, to: &out)
                out += ":"
                ExportTable.appendQuoted(field.value, to: &out)
            }
            out += "}"
            return out
        case .csv:
            var out = ""
            out.reserveCapacity(fields.reduce(fields.count) { $0 + $1.value.utf8.count })
            for (index, field) in fields.enumerated() {
                if index > 0 { out += ";" }
                let value = decimalComma && ExportTable.numericColumns.contains(field.key) ? field.value.replacingAll(".", with: ",") : field.value
                ExportTable.appendCSVField(value, to: &out)
            }
            out += "\n"
            return out
        }
    }

    /// The text after the last record.
    public func closing() -> String {
        switch format {
        case .json: records == 0 ? "]}\n" : "\n]}\n"
        case .csv: ""
        }
    }
}
