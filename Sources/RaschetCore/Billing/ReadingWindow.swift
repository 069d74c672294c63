/// The day range of the month in which meter readings are submitted (RULES: "a window that ends on the
/// 25th"; a setting).
///
/// The close assigns every stored reading to exactly one period by this rule:
/// - a reading dated on or before the window's last day belongs to its own month;
/// - a reading dated after the window's last day belongs to the **next** month ("later readings count
///   for the next period").
/// The window's first day only matters to `accepts(_:)`, the check a submitting cabinet makes: a
/// reading stored with an earlier day (an install reading, an operator's check) still belongs to its
/// month. This keeps the assignment total and deterministic whatever the source.
public struct ReadingWindow: Sendable, Hashable {
    /// First day of the month on which a cabinet accepts a reading (1...31).
    public var firstDay: Int
    /// Last day of the month that still counts for the month itself (1...31).
    public var lastDay: Int

    public init(firstDay: Int, lastDay: Int) {
        precondition((1...31).contains(firstDay) && (firstDay...31).contains(lastDay), "bad reading window")
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// The window of a settings day range (`Settings.readingWindow`, e.g. `15...25`).
    public init(_ days: ClosedRange<Int>) {
        self.init(firstDay: days.lowerBound, lastDay: days.upperBound)
    }

    /// The period a reading taken on `date` counts for.
    public func period(of date: CivilDate) -> Period {
        date.day <= lastDay ? date.period : date.period.next
    }

    /// The first day whose readings count for `period` (`period(of:)`): the day after the window's last
    /// day in the month before, or the period's first day when the window runs to that month's end.
    public func firstDate(of period: Period) -> CivilDate {
        let before = period.previous
        return lastDay < before.daysInMonth ? before.firstDay.adding(days: lastDay) : period.firstDay
    }

    /// Whether a cabinet submission on `date` falls inside the window.
    public func accepts(_ date: CivilDate) -> Bool {
        (firstDay...lastDay).contains(date.day)
    }
}
