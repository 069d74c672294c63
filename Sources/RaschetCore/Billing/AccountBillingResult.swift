/// The outcome of billing one account for a period.
public enum AccountBillingResult: Sendable, Hashable {
    /// The period's `charge` lines followed by `recalc` lines of earlier periods.
    case billed([ChargeLine])
    /// The account cannot be billed; the close parks it with this reason.
    case parked(BillingError)

    public var lines: [ChargeLine]? {
        if case .billed(let lines) = self { return lines }
        return nil
    }

    public var parkingReason: BillingError? {
        if case .parked(let reason) = self { return reason }
        return nil
    }
}
