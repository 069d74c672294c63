import RaschetCore

/// Reads typed values out of one source row, collecting every problem instead of stopping at the
/// first, so that a user fixes a row in one pass.
struct RowDecoder {
    let record: SourceRecord
    let layout: ColumnLayout
    let file: String
    private(set) var problems: [IngestError] = []

    init(record: SourceRecord, layout: ColumnLayout, file: String) {
        self.record = record
        self.layout = layout
        self.file = file
    }

    mutating func fail(_ column: String?, _ message: Message) {
        problems.append(IngestError(file: file, line: record.line, column: column, message: message))
    }

    /// The raw value of the schema's column at `index`; when the column is absent or the cell
    /// empty, the column's default from the column table, or nil when it has none.
    func raw(at index: Int) -> String? {
        if let position = layout.positions[index], position < record.fields.count {
            let value = record.fields[position].value
            if !value.isEmpty { return value }
        }
        return layout.schema.defaultValues[index]
    }

    /// Text without the apostrophe an export put before a formula-like cell (`FormulaGuard`); a
    /// value holding NUL or another control character is a row error.
    mutating func text(_ value: String, _ column: String) -> String? {
        var value = value
        // The bytes scanned in place: a cell is read once per row of millions.
        if let bad = value.withUTF8({ bytes in bytes.first { $0 < 0x20 || $0 == 0x7F } }) {
            fail(column, .controlCharacter(hex4(UInt32(bad))))
            return nil
        }
        guard value.utf8.first == UInt8(ascii: "'") else { return value }
        return String(FormulaGuard.restored(Substring(value)))
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `text` parsed by `parse`; reports `expected()` when it does not parse (the message is
    /// built only then).
    mutating func parsed<T>(_ text: String, _ column: String, expected: @autoclosure () -> Message,
                            _ parse: (String) -> T?) -> T? {
        guard let value = parse(text) else {
            fail(column, .notA(text, expected()))
            return nil
        }
        return value
    }

    mutating func date(_ text: String, _ column: String) -> CivilDate? {
        parsed(text, column, expected: .expectedDate) { CivilDate(parsing: $0) }
    }

    mutating func period(_ text: String, _ column: String) -> Period? {
        parsed(text, column, expected: .expectedPeriod) { Period(parsing: $0) }
    }

    mutating func decimal(_ text: String, _ column: String) -> ExactDecimal? {
        parsed(text, column, expected: .expectedNumber) {
            ExactDecimal(parsing: $0)
        }
    }

    mutating func money(_ text: String, _ column: String) -> Money? {
        parsed(text, column, expected: .expectedAmount) {
            Money(parsing: $0)
        }
    }

    mutating func integer(_ text: String, _ column: String) -> Int? {
        parsed(text, column, expected: .expectedWholeNumber) { Int($0) }
    }

    mutating func bool(_ text: String, _ column: String) -> Bool? {
        parsed(text, column, expected: .expectedYesNo) { text in
            switch text {
            case "1": true
            case "0": false
            default:
                switch text.lowercased() {
                case "true", "да": true
                case "false", "нет": false
                default: nil
                }
            }
        }
    }
}
