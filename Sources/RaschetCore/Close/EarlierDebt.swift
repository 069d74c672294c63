/// What one earlier close posted for an account that bears penalties (`PenaltyDebt.debts(fromPosted:)`
/// of its lines, as the store keeps it): the debt of that close's period.
public struct EarlierDebt: Sendable, Hashable {
    public var period: Period
    public var amount: Money

    public init(period: Period, amount: Money) {
        self.period = period
        self.amount = amount
    }
}
