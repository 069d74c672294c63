import RaschetCore

/// Reads typed values out of one source row, collecting every problem instead of stopping at the
/// first, so that a user fixes a row in one pass.
struct RowDecoder {
    /// Where a cell's bytes are: the record's cell at a position, or the default of the schema's
    /// column at an index (one that has a default: `raw(at:)` makes no other).
    enum Cell {
        case source(Int)
        case fallback(Int)
    }

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

    /// The cell of the schema's column at `index`; when the column is absent or the cell empty,
    /// the column's default from the column table, or nil when it has none.
    func raw(at index: Int) -> Cell? {
        if let position = layout.positions[index], position < record.count, !record.isEmpty(position) {
            return .source(position)
        }
        return layout.schema.defaultCells[index] == nil ? nil : .fallback(index)
    }

    /// `body` of the bytes of `cell`.
    func withBytes<R>(_ cell: Cell, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch cell {
        case .source(let position): record.withCell(position, body)
        case .fallback(let index): (layout.schema.defaultCells[index] ?? []).withUnsafeBufferPointer(body)
        }
    }

    /// The text of `cell`.
    func string(_ cell: Cell) -> String {
        withBytes(cell) { String(decoding: $0, as: UTF8.self) }
    }

    /// Text without the apostrophe an export put before a formula-like cell (`FormulaGuard`); a
    /// value holding NUL or another control character, or longer than `longestText` bytes, is a row
    /// error.
    mutating func text(_ cell: Cell, _ column: String) -> String? {
        let (length, bad) = withBytes(cell) { bytes in (bytes.count, bytes.first { $0 < 0x20 || $0 == 0x7F }) }
        guard length <= Self.longestText else {
            fail(column, .textTooLong(bytes: length, limit: Self.longestText))
            return nil
        }
        if let bad {
            fail(column, .controlCharacter(hex4(UInt32(bad))))
            return nil
        }
        let value = string(cell)
        guard value.utf8.first == UInt8(ascii: "'") else { return value }
        return String(FormulaGuard.restored(Substring(value)))
    }

    /// The most UTF-8 bytes a text cell may hold: far beyond any name, address or note, and far
    /// below what SQLite and the documents can take.
    static let longestText = 10_000

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `cell` parsed from its bytes by `parse`; reports `expected()` when it does not parse (the
    /// cell's text and the message are made only then).
    mutating func parsed<T>(_ cell: Cell, _ column: String, expected: @autoclosure () -> Message,
                            _ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard let value = withBytes(cell, parse) else {
            fail(column, .notA(string(cell), expected()))
            return nil
        }
        return value
    }

    mutating func date(_ cell: Cell, _ column: String) -> CivilDate? {
        parsed(cell, column, expected: .expectedDate, CivilDate.init(utf8:))
    }

    mutating func period(_ cell: Cell, _ column: String) -> Period? {
        parsed(cell, column, expected: .expectedPeriod, Period.init(utf8:))
    }

    mutating func decimal(_ cell: Cell, _ column: Column) -> ExactDecimal? {
        if let value = withBytes(cell, ExactDecimal.init(utf8:)) { return value }
        failNumber(cell, column, decimals: 6, expected: .expectedNumber)
        return nil
    }

    mutating func money(_ cell: Cell, _ column: Column) -> Money? {
        if let value = withBytes(cell, Money.init(utf8:)) { return value }
        failNumber(cell, column, decimals: 2, expected: .expectedAmount)
        return nil
    }

    /// Why a number cell did not parse: written as a number (digits, a sign, a separator and at
    /// most `decimals` decimals) it is too large for any value, said against the column's range when
    /// it has one; else it is not `expected`.
    private mutating func failNumber(_ cell: Cell, _ column: Column, decimals: Int, expected: Message) {
        let limit = column.checks.lazy.compactMap { check -> ExactDecimal? in
            if case .atMost(let limit) = check { limit } else { nil }
        }.first
        if let limit, withBytes(cell, { Self.isWrittenAsNumber($0, decimals: decimals) }) {
            outOfRange(column, string(cell), limit, column.checks)
        } else {
            fail(column.name, .notA(string(cell), expected))
        }
    }

    /// `[+-]digits[(.|,)digits]` with 1 to `decimals` digits after the separator (none for 0).
    static func isWrittenAsNumber(_ bytes: UnsafeBufferPointer<UInt8>, decimals: Int) -> Bool {
        var digits = bytes[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { digits = digits.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = digits.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        let rest = digits.dropFirst(whole.count)
        guard let separator = rest.first else { return true }
        let fraction = rest.dropFirst()
        return decimals > 0 && (separator == UInt8(ascii: ".") || separator == UInt8(ascii: ","))
            && (1...decimals).contains(fraction.count) && fraction.allSatisfy(isDigit)
    }

    mutating func integer(_ cell: Cell, _ column: Column) -> Int? {
        if let value = withBytes(cell, { Int(String(decoding: $0, as: UTF8.self)) }) { return value }
        // Digits beyond any whole number: out of the column's range, as one just beyond it is.
        let range = column.checks.lazy.compactMap { check -> ClosedRange<Int>? in
            if case .range(let range) = check { range } else { nil }
        }.first
        if let range, withBytes(cell, { Self.isWrittenAsNumber($0, decimals: 0) }) {
            fail(column.name, .outOfRange(string(cell), low: String(range.lowerBound), high: String(range.upperBound)))
        } else {
            fail(column.name, .notA(string(cell), .expectedWholeNumber))
        }
        return nil
    }

    mutating func bool(_ cell: Cell, _ column: String) -> Bool? {
        parsed(cell, column, expected: .expectedYesNo) { bytes in
            if bytes.count == 1 && bytes[0] == UInt8(ascii: "1") { return true }
            if bytes.count == 1 && bytes[0] == UInt8(ascii: "0") { return false }
            switch String(decoding: bytes, as: UTF8.self).lowercased() {
            case "true", "да": return true
            case "false", "нет": return false
            default: return nil
            }
        }
    }
}
