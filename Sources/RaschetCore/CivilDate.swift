/// A calendar date without time or zone (proleptic Gregorian), as billing dates are.
public struct CivilDate: Sendable, Hashable, Comparable, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `DD.MM.YYYY`.
    public init?(parsing text: some StringProtocol) {
        var string = String(text)
        guard let date = string.withUTF8({ CivilDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` or `DD.MM.YYYY` from UTF-8 bytes (a cell as read from a file).
    public init?(utf8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10 else { return nil }
        if b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let y = parseDigits(b[0..<4]), let m = parseDigits(b[5..<7]), let d = parseDigits(b[8..<10]) {
            self.init(year: y, month: m, day: d)
        } else if b[2] == UInt8(ascii: "."), b[5] == UInt8(ascii: "."),
                  let d = parseDigits(b[0..<2]), let m = parseDigits(b[3..<5]), let y = parseDigits(b[6..<10]) {
            self.init(year: y, month: m, day: d)
        } else {
            return nil
        }
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The period (month) the date falls in.
    public var period: Period { Period(ordinal: year * 12 + month - 1) }

    /// Days since 1970-01-01 (negative before it).
    /// - Complexity: O(1) (the civil-from-days algorithm of H. Hinnant).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(uncheckedYear: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// `2026-10-31`: the machine form.
    public var isoString: String {
        String(unsafeUninitializedCapacity: 10) { out in
            writeISO(to: out.baseAddress!)
            return 10
        }
    }

    /// Writes `isoString`'s 10 bytes at `out` (for callers that hand bytes on without a `String`).
    public func writeISO(to out: UnsafeMutablePointer<UInt8>) {
        func put(_ value: Int, _ width: Int, at offset: Int) {
            var v = value
            for i in stride(from: offset + width - 1, through: offset, by: -1) {
                out[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
        }
        put(year, 4, at: 0)
        out[4] = UInt8(ascii: "-")
        put(month, 2, at: 5)
        out[7] = UInt8(ascii: "-")
        put(day, 2, at: 8)
    }

    /// `31.10.2026`: the document form.
    public var russianString: String { pad(day, 2) + "." + pad(month, 2) + "." + pad(year, 4) }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension CivilDate: CustomStringConvertible {
    public var description: String { isoString }
}
