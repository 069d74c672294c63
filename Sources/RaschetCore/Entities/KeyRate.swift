/// The central bank key rate in force from a date, % per year. Key: `validFrom`.
public struct KeyRate: Sendable, Hashable {
    public var validFrom: CivilDate
    public var rate: ExactDecimal

    public init(validFrom: CivilDate, rate: ExactDecimal) {
        self.validFrom = validFrom
        self.rate = rate
    }
}
