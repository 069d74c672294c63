/// A period's debt for penalty purposes: what was due for `period` by `dueDate`.
///
/// A negative amount is a credit (an overpaid period, a refund by recalculation): it settles the
/// oldest debts like a payment made before all of them.
public struct PenaltyDebt: Sendable, Hashable {
    public var period: Period
    /// Penalties are kept per supplier when the debt is; nil for an account-level debt.
    public var supplierID: String?
    public var amount: Money
    public var dueDate: CivilDate

    public init(period: Period, supplierID: String? = nil, amount: Money, dueDate: CivilDate) {
        self.period = period; self.supplierID = supplierID; self.amount = amount; self.dueDate = dueDate
    }

    /// A debt due on the rules' due day for its period.
    public init(period: Period, supplierID: String? = nil, amount: Money, rules: BillingRules) throws(BillingError) {
        self.init(period: period, supplierID: supplierID, amount: amount, dueDate: try rules.dueDate(for: period))
    }
}
