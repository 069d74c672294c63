/// An exact amount of money in integer kopecks.
///
/// Money never passes through binary floating point. Amounts come from parsing a decimal string
/// (`Money(parsing:)`) or from rounding an exact product (`Money.rounded(rubles:)`), and print as a
/// machine string (`"5392.46"`) or the Russian document form (`"5 392,46"`).
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount in kopecks (1/100 of a ruble); negative for credits and overpayments.
    public var kopecks: Int64

    @inlinable public init(kopecks: Int64) { self.kopecks = kopecks }

    public static let zero = Money(kopecks: 0)

    /// The largest magnitude of an amount the close computes: 10^14 kopecks (a trillion rubles).
    /// A line, a balance or a penalty beyond it parks the account (`BillingError.Code.overflow`);
    /// the bound leaves room in `Int64` for sums of thousands of such amounts and for the amount in
    /// micros (a penalty line's price) without a trap.
    public static let limit = Money(kopecks: 100_000_000_000_000)

    /// The sum, or an `overflow` billing error when it leaves ±`limit`.
    public func adding(_ other: Money) throws(BillingError) -> Money {
        let (sum, overflow) = kopecks.addingReportingOverflow(other.kopecks)
        guard !overflow, sum.magnitude <= Money.limit.kopecks.magnitude else {
            throw BillingError.overflow("\(machineString) + \(other.machineString)")
        }
        return Money(kopecks: sum)
    }

    @inlinable public static func + (a: Money, b: Money) -> Money { Money(kopecks: a.kopecks + b.kopecks) }
    @inlinable public static func - (a: Money, b: Money) -> Money { Money(kopecks: a.kopecks - b.kopecks) }
    @inlinable public static prefix func - (a: Money) -> Money { Money(kopecks: -a.kopecks) }
    @inlinable public static func += (a: inout Money, b: Money) { a.kopecks += b.kopecks }
    @inlinable public static func -= (a: inout Money, b: Money) { a.kopecks -= b.kopecks }
    @inlinable public static func < (a: Money, b: Money) -> Bool { a.kopecks < b.kopecks }

    /// Rounds an exact ruble amount to kopecks, half away from zero.
    public static func rounded(rubles: ExactDecimal) -> Money {
        let kopecks = divideRoundingHalfAwayFromZero(Int128(rubles.micros), by: 10_000)
        return Money(kopecks: Int64(kopecks))
    }

    /// Parses a money amount with at most two decimals, `.` or `,` as the decimal separator.
    /// Returns nil for anything else (more decimals, exponents, stray characters).
    public init?(parsing text: some StringProtocol) {
        guard let value = ExactDecimal(parsing: text) else { return nil }
        self.init(exactly: value)
    }

    /// ``init(parsing:)`` of UTF-8 bytes (a cell as read from a file).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let value = ExactDecimal(utf8: bytes) else { return nil }
        self.init(exactly: value)
    }

    /// The amount `value` is, when it has no fraction of a kopeck.
    private init?(exactly value: ExactDecimal) {
        guard value.micros % 10_000 == 0 else { return nil }
        self.init(kopecks: value.micros / 10_000)
    }

    /// The amount as exports write it: exactly two decimals, `.` separator, `-` for negatives ("-12.50").
    public var machineString: String { format(groupSeparator: nil, decimalSeparator: ".") }

    /// The amount as documents print it: a space between thousands and a decimal comma ("13 481,16").
    public var russianString: String { format(groupSeparator: " ", decimalSeparator: ",") }

    private func format(groupSeparator: Unicode.Scalar?, decimalSeparator: Unicode.Scalar) -> String {
        // A sign, 17 digits of rubles with 5 separators, the decimal separator and 2 digits.
        BackwardText.make(capacity: 32) { text in
            let magnitude = kopecks.magnitude
            text.prependDigits(magnitude % 100, count: 2)
            text.prepend(decimalSeparator)
            text.prependDigits(magnitude / 100, groupSeparator: groupSeparator)
            if kopecks < 0 { text.prepend("-") }
        }
    }
}

extension Money: CustomStringConvertible {
    public var description: String { machineString }
}
