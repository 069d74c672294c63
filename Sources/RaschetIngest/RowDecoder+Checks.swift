import RaschetCore

/// The column table's checks (`ColumnCheck`) on a value that parsed, each failure a row problem
/// naming the column. A check that does not apply to the value's type is not declared (the
/// column table tests say which checks each type takes).
extension RowDecoder {
    mutating func check(_ column: Column, text value: String) {
        for check in column.checks {
            switch check {
            case .digits(let counts):
                if !(counts.contains(value.utf8.count) && value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })) {
                    fail(column.name, .digitsRequired(value, counts: Array(counts)))
                }
            case .email:
                if !Self.looksLikeEmail(value) {
                    fail(column.name, .notAnEmail(value))
                }
            case .range, .nonNegative, .positive, .notBefore, .atMost, .nonZero: continue
            }
        }
    }

    mutating func check(_ column: Column, decimal value: ExactDecimal) {
        checkAmount(column, value.machineString, zero: "0", sign: Int(value.micros.signum())) { limit in
            value > limit || value < -limit
        }
    }

    mutating func check(_ column: Column, money value: Money) {
        checkAmount(column, value.machineString, zero: "0.00", sign: Int(value.kopecks.signum())) { limit in
            let kopecks = limit.micros / 10_000
            return value.kopecks > kopecks || value.kopecks < -kopecks
        }
    }

    /// The checks of a decimal or money column: its sign, and `atMost` through `exceeds` (whether
    /// the value lies beyond ±limit); `text` is built only for a failure.
    private mutating func checkAmount(_ column: Column, _ text: @autoclosure () -> String, zero: String, sign: Int,
                                      exceeds: (ExactDecimal) -> Bool) {
        for check in column.checks {
            switch check {
            case .nonNegative:
                if sign < 0 { fail(column.name, .negative(text())) }
            case .positive(let note):
                if sign <= 0 { fail(column.name, .notPositive(text(), note: note)) }
            case .nonZero(let note):
                if sign == 0 { fail(column.name, .zeroNotAllowed(zero, note: note)) }
            case .atMost(let limit):
                if exceeds(limit) { outOfRange(column, text(), limit, column.checks) }
            case .digits, .range, .email, .notBefore: continue
            }
        }
    }

    /// `VALUE is out of range; it must be from LOW to LIMIT`, LOW 0 for a column that takes no negatives.
    mutating func outOfRange(_ column: Column, _ value: String, _ limit: ExactDecimal, _ checks: [ColumnCheck]) {
        let low = checks.contains(.nonNegative) || checks.contains(where: { if case .positive = $0 { true } else { false } })
            ? "0" : (-limit).machineString
        fail(column.name, .outOfRange(value, low: low, high: limit.machineString))
    }

    mutating func check(_ column: Column, integer value: Int) {
        for case .range(let range) in column.checks where !range.contains(value) {
            fail(column.name, .outOfRange(String(value), low: String(range.lowerBound), high: String(range.upperBound)))
        }
    }

    /// `notBefore` compares with the other column's value as the row gives it (when it parses).
    mutating func check<Entity>(_ column: Column, date value: CivilDate, in table: EntityTable<Entity>) {
        for case .notBefore(let other) in column.checks {
            guard let index = table.fields.firstIndex(where: { $0.column.name == other }),
                  let otherCell = raw(at: index), let otherDate = withBytes(otherCell, CivilDate.init(utf8:)),
                  value < otherDate else { continue }
            fail(column.name, .dateBefore(value, column: other, other: otherDate))
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
