/// One movement of an account's balance in a closed period: a period's charges, recalculations or
/// penalties (one operation per kind and period), or one payment.
public struct LedgerOperation: Sendable, Hashable {
    public var type: SettlementOperationType
    /// The closed period whose close posted the operation.
    public var period: Period
    /// The date printed: the period's last day for charges, recalculations and penalties; a
    /// payment's own date.
    public var date: CivilDate
    /// The date the operation counts in the balance: `date`, except for a payment dated before the
    /// period that posted it (it arrived after its own period was closed), which counts on the first
    /// day of the posting period, so that the balance on a period's last day is that period's closing.
    public var bookedOn: CivilDate
    /// What the operation adds to the debt: the gross of the lines for charges, recalculations and
    /// penalties (a recalculation may be negative); zero for payments.
    public var charged: Money
    /// What the operation takes off the debt: the payment's amount; zero for charges.
    public var paid: Money
    /// The payment's id (payments only).
    public var paymentID: String?

    public init(type: SettlementOperationType, period: Period, date: CivilDate, bookedOn: CivilDate, charged: Money,
                paid: Money, paymentID: String? = nil) {
        self.type = type; self.period = period; self.date = date; self.bookedOn = bookedOn; self.charged = charged
        self.paid = paid; self.paymentID = paymentID
    }

    /// The change of the balance: charged − paid.
    public var change: Money { charged - paid }
}
