/// A UTC instant with second precision, formatted for PDF dates (§7.9.4) and XMP (ISO 8601).
///
/// The writer never reads a clock: the creation date is always injected (the CLI takes it from
/// `SOURCE_DATE_EPOCH`), which keeps output deterministic.
public struct PDFDate: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSinceEpoch: Int64

    /// Creates a date from Unix seconds.
    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// `D:YYYYMMDDHHmmSS+00'00'`.
    public var pdfString: String {
        let c = components
        return "D:\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))\(pad(c.hour))\(pad(c.minute))\(pad(c.second))+00'00'"
    }

    /// `YYYY-MM-DDTHH:mm:SS+00:00`, matching ``pdfString`` as PDF/A requires of XMP dates.
    public var xmpString: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))+00:00"
    }

    /// Civil UTC components (proleptic Gregorian; days-from-civil inverse after H. Hinnant).
    var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = secondsSinceEpoch
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day), Int(rest / 3600), Int(rest % 3600 / 60), Int(rest % 60))
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
