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
