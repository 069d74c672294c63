import RaschetCore

/// A billing period given by a user: `YYYY-MM`.
public struct BillingMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    let period: Period

    init(_ period: Period) {
        self.period = period
    }

    /// Parses `YYYY-MM` (month 01 to 12); nil otherwise.
    public init?(_ text: String) {
        guard let period = Period(parsing: text) else { return nil }
        self.period = period
    }

    /// The month before the one holding `today` (default: this process's, `RASCHET_TODAY` when set):
    /// the usual period to close.
    public static func previous(to today: CalendarDay = .fromProcess()) -> BillingMonth {
        BillingMonth(today.date.period.previous)
    }

    /// `YYYY-MM`.
    public var description: String { period.code }

    public static func < (a: BillingMonth, b: BillingMonth) -> Bool { a.period < b.period }
}
