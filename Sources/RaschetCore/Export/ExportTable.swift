/// A machine-readable export (SPEC section 5): a header of string fields and a list of records whose
/// fields keep the contract's key order. Written by hand, never from a `Dictionary`, so the bytes
/// are deterministic.
///
/// JSON: `{"period":"2026-10","lines":[` then one record per line (`{"account":"..",...}`), then
/// `]}` — valid JSON whose diff is readable; every value is a string. CSV: a `;`-separated header
/// with the record's field names, one row per record, RFC 4180 quoting where a value holds `;`,
/// `"` or a line break; the header fields (the period) are not repeated. CSV cells that a
/// spreadsheet would run as a formula are neutralized (`FormulaGuard`); JSON is written as is.
public struct ExportTable: Sendable, Hashable {
    public typealias Fields = [Field]

    /// One `key: value` pair.
    public struct Field: Sendable, Hashable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public var header: Fields
    /// The name of the records' array (`lines`, `accounts`, `payments`).
    public var collection: String
    /// The field names of a record, for the CSV header when there are no records.
    public var columns: [String]
    public var records: [Fields]

    public init(header: Fields, collection: String, columns: [String], records: [Fields]) {
        self.header = header; self.collection = collection; self.columns = columns; self.records = records
    }

    /// The JSON text, ending with a line break.
    /// - Complexity: O(total characters).
    public var json: String {
        var out = "{"
        for field in header { out += Self.quoted(field.key) + ":" + Self.quoted(field.value) + "," }
        out += Self.quoted(collection) + ":["
        for (index, record) in records.enumerated() {
            out += index == 0 ? "\n{" : ",\n{"
            out += record.map { Self.quoted($0.key) + ":" + Self.quoted($0.value) }.joined(separator: ",")
            out += "}"
        }
        out += records.isEmpty ? "]}\n" : "\n]}\n"
        return out
    }

    /// The CSV text: header row and records, `;`-separated, `\n` line ends.
    public var csv: String {
        var out = columns.map(Self.csvField).joined(separator: ";") + "\n"
        for record in records { out += record.map { Self.csvField($0.value) }.joined(separator: ";") + "\n" }
        return out
    }

    /// A JSON string literal (RFC 8259 escapes; non-ASCII written as is, UTF-8).
    public static func quoted(_ text: String) -> String {
        var out = ""
        appendQuoted(text, to: &out)
        return out
    }

    /// Appends ``quoted(_:)`` of `text` to `out`; a text with nothing to escape is copied whole.
    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        defer { out += "\"" }
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    static func csvField(_ value: String) -> String {
        var out = ""
        appendCSVField(value, to: &out)
        return out
    }

    /// Appends `value` as a CSV field: formula-guarded, quoted when it holds `;`, `"` or a line break.
    /// Scans UTF-8 bytes (these four are ASCII), not characters: exports write millions of fields.
    static func appendCSVField(_ value: String, to out: inout String) {
        let text = FormulaGuard.neutralized(value)
        guard text.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out += text
            return
        }
        out += "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every `target` character replaced (no Foundation in the core).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
