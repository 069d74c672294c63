/// A cap on the penalty rate: within `dates` (days of accrual), the rate is min(`cap`, key rate).
public struct PenaltyRateCap: Sendable, Hashable {
    public var dates: ClosedRange<CivilDate>
    /// Percent per year.
    public var cap: ExactDecimal

    public init(dates: ClosedRange<CivilDate>, cap: ExactDecimal) {
        self.dates = dates
        self.cap = cap
    }
}
