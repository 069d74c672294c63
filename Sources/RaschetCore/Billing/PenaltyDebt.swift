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

/// The penalty accrued on one debt within a date range: one penalty line.
public struct PenaltyAccrual: Sendable, Hashable {
    public var debtPeriod: Period
    public var supplierID: String?
    public var amount: Money

    public init(debtPeriod: Period, supplierID: String?, amount: Money) {
        self.debtPeriod = debtPeriod; self.supplierID = supplierID; self.amount = amount
    }

    /// The penalty as a charge line posted in `period`: kind `penalty`, no VAT, quantity 1 at the
    /// amount (net = gross = amount).
    public func line(accountID: String, period: Period, rules: BillingRules) -> ChargeLine {
        ChargeLine(accountID: accountID, serviceID: rules.penaltyServiceID, supplierID: supplierID ?? "", period: period,
                   kind: .penalty, refPeriod: debtPeriod, component: .penalty, basis: .penalty, quantity: .one,
                   unit: "", price: ExactDecimal(micros: amount.kopecks * 10_000), vatMode: .exempt, vatRate: .zero,
                   amounts: VATAmounts(net: amount, vat: .zero, gross: amount))
    }
}
