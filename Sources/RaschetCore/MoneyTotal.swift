/// A sum of many amounts in kopecks, kept in `Int128` so that no run-wide total (every account of a
/// close, every row of a report) can overflow: 2^127 kopecks is beyond any sum of `Int64` amounts.
public struct MoneyTotal: Sendable, Hashable, CustomStringConvertible {
    public private(set) var kopecks: Int128 = 0

    public init() {}

    public static func += (total: inout MoneyTotal, amount: Money) { total.kopecks += Int128(amount.kopecks) }

    /// Exactly two decimals, `.` separator, `-` for negatives, as `Money.machineString` writes it.
    public var machineString: String {
        let magnitude = kopecks.magnitude
        let cents = magnitude % 100
        return (kopecks < 0 ? "-" : "") + String(magnitude / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    public var description: String { machineString }
}
