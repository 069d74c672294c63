/// An exact decimal with six fractional digits, stored as an integer count of millionths.
///
/// Quantities (volumes, areas, norms, coefficients) and prices carry up to six decimals (SPEC
/// section 1). Products of two such values are taken in `Int128` so that a million cubic metres at
/// a million rubles still multiply exactly; only the final step to kopecks rounds.
public struct ExactDecimal: Sendable, Hashable, Comparable, Codable {
    /// The value times 10^6.
    public var micros: Int64

    /// Number of fractional digits kept.
    public static let scale = 6
    /// 10^`scale`: the micros of a whole unit.
    public static let unit: Int64 = 1_000_000

    @inlinable public init(micros: Int64) { self.micros = micros }
    public init(_ integer: Int) { self.micros = Int64(integer) * Self.unit }

    public static let zero = ExactDecimal(micros: 0)
    public static let one = ExactDecimal(micros: 1_000_000)

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal { ExactDecimal(micros: a.micros + b.micros) }
    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal { ExactDecimal(micros: a.micros - b.micros) }
    public static prefix func - (a: ExactDecimal) -> ExactDecimal { ExactDecimal(micros: -a.micros) }
    public static func += (a: inout ExactDecimal, b: ExactDecimal) { a.micros += b.micros }
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.micros < b.micros }

    /// The product, rounded half away from zero to six decimals.
    public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let product = Int128(a.micros) * Int128(b.micros)
        return ExactDecimal(micros: Int64(divideRoundingHalfAwayFromZero(product, by: Int128(unit))))
    }

    /// The sum, or an `overflow` billing error when it leaves `Int64` micros.
    public func adding(_ other: ExactDecimal) throws(BillingError) -> ExactDecimal {
        let (sum, overflow) = micros.addingReportingOverflow(other.micros)
        guard !overflow else { throw BillingError.overflow("\(machineString) + \(other.machineString)") }
        return ExactDecimal(micros: sum)
    }

    /// The difference, or an `overflow` billing error when it leaves `Int64` micros.
    public func subtracting(_ other: ExactDecimal) throws(BillingError) -> ExactDecimal {
        let (difference, overflow) = micros.subtractingReportingOverflow(other.micros)
        guard !overflow else { throw BillingError.overflow("\(machineString) − \(other.machineString)") }
        return ExactDecimal(micros: difference)
    }

    /// The product rounded to six decimals, or an `overflow` billing error when it does not fit
    /// (the billing rules use this, never `*`, on imported values).
    public func multiplied(by other: ExactDecimal) throws(BillingError) -> ExactDecimal {
        let product = Int128(micros) * Int128(other.micros)  // cannot overflow: both factors < 2^63
        guard let result = Int64(exactly: divideRoundingHalfAwayFromZero(product, by: Int128(Self.unit))) else {
            throw BillingError.overflow("\(machineString) × \(other.machineString)")
        }
        return ExactDecimal(micros: result)
    }

    /// The money value of `quantity × price`, rounded once to kopecks (half away from zero).
    /// This is the line rule of SPEC section 2: `round(qty × price)`.
    /// - Throws: an `overflow` billing error when the amount exceeds `Money.limit`.
    public static func moneyProduct(_ quantity: ExactDecimal, _ price: ExactDecimal) throws(BillingError) -> Money {
        let product = Int128(quantity.micros) * Int128(price.micros)  // rubles × 10^12, exact in Int128
        let kopecks = divideRoundingHalfAwayFromZero(product, by: 10_000_000_000)
        guard kopecks.magnitude <= UInt128(Money.limit.kopecks) else {
            throw BillingError.overflow("\(quantity.machineString) × \(price.machineString)")
        }
        return Money(kopecks: Int64(kopecks))
    }

    /// Parses `-12.5`, `3,32`, `0.000001`, `+7`; at most six fractional digits; no exponent, no
    /// grouping. Returns nil for anything else.
    public init?(parsing text: some StringProtocol) {
        var string = String(text)
        guard let value = string.withUTF8({ ExactDecimal(utf8: $0) }) else { return nil }
        self = value
    }

    /// ``init(parsing:)`` of UTF-8 bytes (a cell as read from a file).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var utf8 = bytes[...]
        var negative = false
        if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var integer: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenSeparator = false
        var digits = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenSeparator {
                    guard fractionDigits < Self.scale else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    guard integer < 9_000_000_000_000 / 10 else { return nil }
                    integer = integer * 10 + digit
                }
                digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !seenSeparator else { return nil }
                seenSeparator = true
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        for _ in fractionDigits..<Self.scale { fraction *= 10 }
        let magnitude = integer * Self.unit + fraction
        self.micros = negative ? -magnitude : magnitude
    }

    /// The value as exports write it: `.` separator, trailing zeros trimmed ("3.32", "1", "-0.5").
    public var machineString: String { format(decimalSeparator: ".") }

    /// The value as documents print it, with a decimal comma ("3,32").
    public var russianString: String { format(decimalSeparator: ",") }

    private func format(decimalSeparator: Unicode.Scalar) -> String {
        // A sign, 13 digits of the integer part, the separator and 6 decimals.
        BackwardText.make(capacity: 32) { text in
            let magnitude = micros.magnitude
            var fraction = magnitude % UInt64(Self.unit)
            if fraction != 0 {
                var width = Self.scale
                while fraction % 10 == 0 { fraction /= 10; width -= 1 }
                text.prependDigits(fraction, count: width)
                text.prepend(decimalSeparator)
            }
            text.prependDigits(magnitude / UInt64(Self.unit))
            if micros < 0 { text.prepend("-") }
        }
    }
}

extension ExactDecimal: CustomStringConvertible {
    public var description: String { machineString }
}
