/// A billing period: one calendar month, written `YYYY-MM`.
public struct Period: Sendable, Hashable, Comparable, Codable {
    public let year: Int
    /// 1...12.
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1900...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(parsing text: some StringProtocol) {
        var string = String(text)
        guard let period = string.withUTF8({ Period(utf8: $0) }) else { return nil }
        self = period
    }

    /// Parses `YYYY-MM` from UTF-8 bytes (a cell as read from a file).
    public init?(utf8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 7, b[4] == UInt8(ascii: "-"),
              let year = parseDigits(b[0..<4]), let month = parseDigits(b[5..<7]) else { return nil }
        self.init(year: year, month: month)
    }

    public static func < (a: Period, b: Period) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// Months counted from year 0; differences of ordinals count months between periods.
    public var ordinal: Int { year * 12 + month - 1 }

    public init(ordinal: Int) {
        self.year = ordinal / 12
        self.month = ordinal % 12 + 1
    }

    public var next: Period { Period(ordinal: ordinal + 1) }
    public var previous: Period { Period(ordinal: ordinal - 1) }

    public var firstDay: CivilDate { CivilDate(uncheckedYear: year, month: month, day: 1) }
    public var lastDay: CivilDate { CivilDate(uncheckedYear: year, month: month, day: daysInMonth) }
    public var daysInMonth: Int { CivilDate.daysInMonth(year: year, month: month) }

    /// `2026-10`.
    public var code: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }

    /// `октябрь 2026`, as documents name a period.
    public var russianName: String { Self.russianMonthNames[month - 1] + " " + String(year) }

    /// `102026`: the `PaymPeriod` form of ГОСТ Р 56042-2014.
    public var paymentPeriodCode: String { (month < 10 ? "0" : "") + String(month) + String(year) }

    /// Nominative month names, lower case as Russian writes them.
    public static let russianMonthNames = [
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ]
}

extension Period: CustomStringConvertible {
    public var description: String { code }
}

/// Parses a run of ASCII digits; nil if any byte is not a digit.
func parseDigits<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int? {
    var value = 0
    for byte in bytes {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return bytes.isEmpty ? nil : value
}
