/// Everything the close needs for one account: what the billing rules need, plus what the balance
/// and the penalties need. The store loads one per account, in batches.
public struct AccountCloseInput: Sendable, Hashable {
    public var billing: AccountBillingInput
    /// The closing balance of the previous period (0 for the first close of a database).
    public var opening: Money
    /// The account's payments dated up to the period's last day (penalties settle debts with them);
    /// when `earlierPayments` is set, only those dated from the first day of the period, or of the
    /// first whose penalties the close corrects (`PenaltyRecalculation.firstCorrected`), on.
    public var payments: [Payment]
    /// The payments this close posts: those not posted by an earlier close.
    public var newPayments: [Payment]
    /// Every line posted by earlier closes, penalties included (the debts penalties accrue on) — or,
    /// when `earlierDebts` is set, only what the close reads from them: those of the closes from the
    /// first period billing recomputes (`BillingPlan.recompute`) or whose penalties it corrects
    /// (`PenaltyRecalculation.firstCorrected`) on, else none.
    public var earlier: [ChargeLine]
    /// Per earlier close, oldest first, the amount of `PenaltyDebt.debts(fromPosted:)` for its lines,
    /// as the store keeps it; nil computes the debts from `earlier`.
    public var earlierDebts: [EarlierDebt]?
    /// With `earlierDebts`, the debts paid for good by the previous close (`SettledDebts`), left out
    /// of them: `earlierDebts` then holds those of the later periods only. Never with a payment below
    /// zero among `payments` (a reversal, which may reopen them); with a late one (whose penalties
    /// the close corrects from `PenaltyRecalculation.firstCorrected` on), those paid for good by the
    /// close before the month `payments` starts from, by the payments `earlierPayments` stands for.
    public var settledDebts: SettledDebts?
    /// The payments `payments` leaves out as their totals: all posted by earlier closes and dated
    /// before the first day `payments` starts from, before every accrual day the close computes, so
    /// that penalties need only their sum; nil: `payments` holds every payment.
    public var earlierPayments: PaymentTotals?
    /// The billing plan made when the account was loaded (`AccountClose.prepare`); nil: the close
    /// makes it.
    public var billingPlan: BillingPlan?

    public init(billing: AccountBillingInput, opening: Money, payments: [Payment], newPayments: [Payment],
                earlier: [ChargeLine], earlierDebts: [EarlierDebt]? = nil, earlierPayments: PaymentTotals? = nil,
                settledDebts: SettledDebts? = nil) {
        self.billing = billing; self.opening = opening; self.payments = payments
        self.newPayments = newPayments; self.earlier = earlier; self.earlierDebts = earlierDebts
        self.earlierPayments = earlierPayments; self.settledDebts = settledDebts
    }
}
