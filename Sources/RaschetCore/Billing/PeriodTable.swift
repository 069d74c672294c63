/// A value that changes from a given period on: the shape of every effective-dated setting keyed by
/// month (the VAT rate by delivery period, the payment due day).
///
/// `value(for:)` answers the value of the latest entry whose `from` is not after the period; a period
/// before the first entry has no value.
public struct PeriodTable<Value: Sendable & Hashable>: Sendable, Hashable {
    /// One row: `value` applies from `from` until the next row's `from`.
    public struct Entry: Sendable, Hashable {
        public var from: Period
        public var value: Value

        public init(from: Period, value: Value) {
            self.from = from
            self.value = value
        }
    }

    /// The rows, ascending by `from`.
    public private(set) var entries: [Entry]

    /// - Precondition: no two rows start in the same period.
    public init(_ entries: [Entry]) {
        let sorted = entries.sorted { $0.from < $1.from }
        for index in sorted.indices.dropFirst() {
            precondition(sorted[index - 1].from != sorted[index].from, "two rows from \(sorted[index].from)")
        }
        self.entries = sorted
    }

    /// The value in force for `period`, nil before the first row.
    /// - Complexity: O(log n).
    public func value(for period: Period) -> Value? {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].from <= period { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : entries[low - 1].value
    }
}

/// VAT rates in percent by **delivery** period (SPEC section 2, НК ст. 164).
public typealias VATRateTable = PeriodTable<ExactDecimal>

/// The payment due day (day of the month following the period) by billed period (ЖК ст. 155 ч. 1).
public typealias DueDayTable = PeriodTable<Int>
