public import Foundation
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

    /// The month before the one holding `now` (UTC): the usual period to close.
    public static func previous(to now: Date = Date()) -> BillingMonth {
        BillingMonth(CalendarDay.day(of: now, secondsEastOfUTC: 0).period.previous)
    }

    /// `YYYY-MM`.
    public var description: String { period.code }

    public static func < (a: BillingMonth, b: BillingMonth) -> Bool { a.period < b.period }
}
