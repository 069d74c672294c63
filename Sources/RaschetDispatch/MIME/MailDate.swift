import RaschetCore

/// A moment as an RFC 5322 `Date` header writes it: `Wed, 02 Dec 2026 14:17:35 +0300`.
public struct MailDate: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int64
    /// The local offset from UTC the header shows, in minutes (Moscow: 180).
    public var utcOffsetMinutes: Int

    public init(secondsSince1970: Int64, utcOffsetMinutes: Int = 180) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The header value (RFC 5322 section 3.3), in the local time of `utcOffsetMinutes`.
    public var headerValue: String {
        let local = secondsSince1970 + Int64(utcOffsetMinutes) * 60
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let date = CivilDate(dayNumber: Int(days))
        let weekday = Self.weekdays[Int(((days % 7) + 7) % 7)]
        let offset = utcOffsetMinutes.magnitude
        return weekday + ", " + pad(date.day) + " " + Self.months[date.month - 1] + " " + String(date.year) + " "
            + pad(secondOfDay / 3600) + ":" + pad(secondOfDay / 60 % 60) + ":" + pad(secondOfDay % 60) + " "
            + (utcOffsetMinutes < 0 ? "-" : "+") + pad(Int(offset / 60)) + pad(Int(offset % 60))
    }

    private func pad(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
}
