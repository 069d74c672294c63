public import Foundation
import RaschetCore

/// A date given by a user: `YYYY-MM-DD` or `DD.MM.YYYY`.
public struct CalendarDay: Sendable, Hashable, CustomStringConvertible {
    let date: CivilDate

    init(_ date: CivilDate) {
        self.date = date
    }

    /// Parses `YYYY-MM-DD` or `DD.MM.YYYY`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        guard let date = CivilDate(parsing: text) else { return nil }
        self.date = date
    }

    /// The day holding `now` in the local time zone (the settlement center's day).
    public static func today(_ now: Date = Date()) -> CalendarDay {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let date = CivilDate(year: year, month: month, day: day) else {
            preconditionFailure("the Gregorian calendar gave no valid day")
        }
        return CalendarDay(date)
    }

    /// The day a front end takes as today: `RASCHET_TODAY` (`YYYY-MM-DD`) when it is set and valid
    /// (for tests and for replaying a past month's commands), else `today()`.
    public static func fromProcess() -> CalendarDay {
        ProcessInfo.processInfo.environment["RASCHET_TODAY"].flatMap(CalendarDay.init) ?? today()
    }

    /// `YYYY-MM-DD`.
    public var description: String { date.isoString }
}
