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
                    let what = counts.sorted().map(String.init).joined(separator: " or ")
                    fail(column.name, "\"\(value)\" must be \(what) digits")
                }
            case .email:
                if !Self.looksLikeEmail(value) {
                    fail(column.name, "\"\(value)\" is not an e-mail address; write name@domain")
                }
            case .range, .nonNegative, .positive, .notBefore, .atMost, .nonZero: continue
            }
        }
    }

    mutating func check(_ column: Column, decimal value: ExactDecimal) {
        for check in column.checks {
            switch check {
            case .nonNegative:
                if value < .zero { fail(column.name, "\(value.machineString) is negative; it must be 0 or more") }
            case .positive(let note):
                if value <= .zero { fail(column.name, "\(value.machineString) must be greater than 0" + Self.aside(note)) }
            case .nonZero(let note):
                if value == .zero { fail(column.name, "0 is not allowed" + Self.aside(note)) }
            case .atMost(let limit):
                if value > limit || value < -limit { outOfRange(column, value.machineString, limit, column.checks) }
            case .digits, .range, .email, .notBefore: continue
            }
        }
    }

    mutating func check(_ column: Column, money value: Money) {
        for check in column.checks {
            switch check {
            case .nonNegative:
                if value < .zero { fail(column.name, "\(value.machineString) is negative; it must be 0 or more") }
            case .positive(let note):
                if value <= .zero { fail(column.name, "\(value.machineString) must be greater than 0" + Self.aside(note)) }
            case .nonZero(let note):
                if value == .zero { fail(column.name, "0.00 is not allowed" + Self.aside(note)) }
            case .atMost(let limit):
                let kopecks = limit.micros / 10_000
                if value.kopecks > kopecks || value.kopecks < -kopecks { outOfRange(column, value.machineString, limit, column.checks) }
            case .digits, .range, .email, .notBefore: continue
            }
        }
    }

    /// `VALUE is out of range; it must be from LOW to LIMIT`, LOW 0 for a column that takes no negatives.
    private mutating func outOfRange(_ column: Column, _ value: String, _ limit: ExactDecimal, _ checks: [ColumnCheck]) {
        let low = checks.contains(.nonNegative) || checks.contains(where: { if case .positive = $0 { true } else { false } })
            ? "0" : (-limit).machineString
        fail(column.name, "\(value) is out of range; it must be from \(low) to \(limit.machineString)")
    }

    mutating func check(_ column: Column, integer value: Int) {
        for case .range(let range) in column.checks where !range.contains(value) {
            fail(column.name, "\(value) is out of range; it must be from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    /// `notBefore` compares with the other column's value as the row gives it (when it parses).
    mutating func check<Entity>(_ column: Column, date value: CivilDate, in table: EntityTable<Entity>) {
        for case .notBefore(let other) in column.checks {
            guard let index = table.fields.firstIndex(where: { $0.column.name == other }),
                  let otherText = raw(at: index), let otherDate = CivilDate(parsing: otherText), value < otherDate else { continue }
            fail(column.name, "\(value.isoString) is before \(other) \(otherDate.isoString)")
        }
    }

    private static func aside(_ note: String?) -> String { note.map { " (\($0))" } ?? "" }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
