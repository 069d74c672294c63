/// Which day of a period decides the tariff (and service connection) in force for the whole period.
public enum TariffSelectionDay: String, Sendable, Hashable, CaseIterable {
    /// The tariff in force on the 1st.
    case firstDayOfPeriod = "first"
    /// The tariff in force on the last day: a tariff changed mid-month applies to the whole month.
    case lastDayOfPeriod = "last"

    public func day(of period: Period) -> CivilDate {
        self == .firstDayOfPeriod ? period.firstDay : period.lastDay
    }
}
