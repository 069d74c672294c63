/// The earlier closes' debts an account has paid for good: those of the periods up to `through`,
/// whose net amount (debts less credits) the payments posted so far cover. They accrue no penalty
/// on any day after (payments settle the oldest debts first, and only a reversal lowers what is
/// paid), so a later close leaves them out and counts `offset`, minus their net amount, as paid
/// before everything (`PenaltyCalculator`: the same sums). The store keeps it with each balance.
public struct SettledDebts: Sendable, Hashable {
    /// The last period whose debt is left out.
    public var through: Period
    /// Minus the net amount of the debts left out.
    public var offset: Money

    public init(through: Period, offset: Money) {
        self.through = through
        self.offset = offset
    }

    /// The settled debts after a close: `previous` extended through the latest period of `debts`
    /// (those after `previous.through`, oldest first, the close's own last) whose net amount, with
    /// every one before it, `paid` (the payments posted so far) covers. Nil when none is.
    /// - Throws: an `overflow` billing error when the amounts leave ±`Money.limit`.
    public static func after(_ previous: SettledDebts?, debts: [EarlierDebt], paid: Money) throws(BillingError) -> SettledDebts? {
        var result = previous
        var offset = previous?.offset ?? .zero
        for debt in debts {
            offset = try offset.adding(-debt.amount)
            if try paid.adding(offset) >= .zero { result = SettledDebts(through: debt.period, offset: offset) }
        }
        return result
    }
}
