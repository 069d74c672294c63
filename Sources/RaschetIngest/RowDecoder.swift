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

    mutating func fail(_ column: String?, _ message: String) {
        problems.append(IngestError(file: file, line: record.line, column: column, message: message))
    }

    /// The raw value of a column; when the column is absent or the cell empty, the column's
    /// default from the column table (`EntityColumns`), or nil when it has none.
    func raw(_ column: String) -> String? {
        assert(layout.schema.columns.contains(column), "column \(column) is not in the \(layout.schema.kind.name) schema")
        if let position = layout.present.first(where: { $0.name == column })?.position, position < record.fields.count {
            let value = record.fields[position].value
            if !value.isEmpty { return value }
        }
        return layout.schema.defaults.first(where: { $0.column == column })?.value
    }

    /// A required text value.
    mutating func text(_ column: String) -> String {
        guard let value = optionalText(column) else {
            if raw(column) == nil { fail(column, "required value is empty; fill it in") }
            return ""
        }
        return value
    }

    /// An optional text value: without the apostrophe an export put before a formula-like cell
    /// (`FormulaGuard`); a value holding NUL or another control character is a row error.
    mutating func optionalText(_ column: String) -> String? {
        guard let value = raw(column) else { return nil }
        if let bad = value.utf8.first(where: { $0 < 0x20 || $0 == 0x7F }) {
            fail(column, "holds the control character U+" + hex4(UInt32(bad)) + "; remove it")
            return nil
        }
        return String(FormulaGuard.restored(Substring(value)))
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A typed value parsed by `parse`; reports `expected()` when it does not parse (the message
    /// is built only then).
    mutating func value<T>(_ column: String, required: Bool, expected: @autoclosure () -> String,
                           _ parse: (String) -> T?) -> T? {
        guard let text = raw(column) else {
            if required { fail(column, "required value is empty; fill it in") }
            return nil
        }
        guard let value = parse(text) else {
            fail(column, "\"\(text)\" is not \(expected())")
            return nil
        }
        return value
    }

    mutating func date(_ column: String, required: Bool = false) -> CivilDate? {
        value(column, required: required, expected: "a date; write YYYY-MM-DD or DD.MM.YYYY") { CivilDate(parsing: $0) }
    }

    mutating func period(_ column: String, required: Bool = false) -> Period? {
        value(column, required: required, expected: "a period; write YYYY-MM") { Period(parsing: $0) }
    }

    /// The largest magnitude of an imported price, quantity, area, norm or coefficient: 10^9 (with
    /// 6 decimals). Products of two such values stay exact in the close; a product beyond
    /// `Money.limit` parks the account instead of trapping.
    static let decimalLimit = ExactDecimal(micros: 1_000_000_000 * 1_000_000)

    /// The largest magnitude of an imported amount of money: 10^11 rubles (10^13 kopecks).
    static let moneyLimit = Money(kopecks: 10_000_000_000_000)

    /// A decimal of magnitude at most `limit` (0 or more when `nonNegative`).
    mutating func decimal(_ column: String, required: Bool = false, nonNegative: Bool = false,
                          limit: ExactDecimal = decimalLimit) -> ExactDecimal? {
        let number = value(column, required: required,
                           expected: "a number with at most 6 decimals (use . or , as the decimal separator)") {
            ExactDecimal(parsing: $0)
        }
        if nonNegative, let number, number < .zero {
            fail(column, "\(number.machineString) is negative; it must be 0 or more")
        } else if let number, number > limit || number < -limit {
            let low = nonNegative ? "0" : (-limit).machineString
            fail(column, "\(number.machineString) is out of range; it must be from \(low) to \(limit.machineString)")
        }
        return number
    }

    /// An amount of magnitude at most `moneyLimit`.
    mutating func money(_ column: String, required: Bool = false) -> Money? {
        let amount = value(column, required: required,
                           expected: "an amount with at most 2 decimals (use . or , as the decimal separator)") {
            Money(parsing: $0)
        }
        if let amount, amount > Self.moneyLimit || amount < -Self.moneyLimit {
            fail(column, "\(amount.machineString) is out of range; it must be from \((-Self.moneyLimit).machineString) "
                    + "to \(Self.moneyLimit.machineString)")
        }
        return amount
    }

    mutating func integer(_ column: String, required: Bool = false, range: ClosedRange<Int>) -> Int? {
        let number = value(column, required: required, expected: "a whole number") { Int($0) }
        if let number, !range.contains(number) {
            fail(column, "\(number) is out of range; it must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// A yes/no value; every boolean column has a default, so false only stands in for a value
    /// that does not parse (the row is refused).
    mutating func bool(_ column: String) -> Bool {
        value(column, required: false, expected: "a yes/no value; write 1/0, true/false or да/нет") { text in
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
        } ?? false
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, required: Bool = false, _: T.Type) -> T?
    where T.RawValue == String {
        value(column, required: required, expected: "one of: " + T.allCases.map(\.rawValue).joined(separator: ", ")) {
            T(rawValue: $0)
        }
    }

    /// Checks that a code is made of exactly one of the given numbers of digits (INN, BIC, accounts).
    mutating func digits(_ column: String, _ value: String?, counts: Set<Int>) {
        guard let value else { return }
        if !(counts.contains(value.utf8.count) && value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })) {
            let what = counts.sorted().map(String.init).joined(separator: " or ")
            fail(column, "\"\(value)\" must be \(what) digits")
        }
    }
}
