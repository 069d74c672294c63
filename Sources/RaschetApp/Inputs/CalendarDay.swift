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
        CalendarDay(day(of: now, secondsEastOfUTC: TimeZone.current.secondsFromGMT(for: now)))
    }

    /// The civil day holding `now` at `secondsEastOfUTC` from UTC, counted from 1970-01-01 without a
    /// calendar object (so nothing here can fail).
    static func day(of now: Date, secondsEastOfUTC: Int) -> CivilDate {
        let days = ((now.timeIntervalSince1970 + Double(secondsEastOfUTC)) / 86_400).rounded(.down)
        return CivilDate(dayNumber: Int(max(-1e9, min(1e9, days.isFinite ? days : 0))))
    }

    /// The day a front end takes as today: `RASCHET_TODAY` (`YYYY-MM-DD`) when it is set (for tests
    /// and for replaying a past month's commands; `EnvironmentCheck` has refused one that is not a
    /// date), else `today()`.
    public static func fromProcess() -> CalendarDay {
        ProcessInfo.processInfo.environment["RASCHET_TODAY"].flatMap(CalendarDay.init) ?? today()
    }

    /// `YYYY-MM-DD`.
    public var description: String { date.isoString }
}
