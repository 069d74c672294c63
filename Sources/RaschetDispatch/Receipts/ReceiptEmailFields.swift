public import RaschetCore

/// What an e-receipt's subject and bodies say (the fields of `Templates/email/`).
public struct ReceiptEmailFields: Sendable, Hashable {
    public var account: String
    /// The payer as the message greets them (the account's name).
    public var payer: String
    public var period: Period
    /// The period's closing balance: positive, the amount due; negative, an overpayment.
    public var closingBalance: Money
    public var dueDate: CivilDate
    /// The settlement center's name (where to pay in cash, whom to tell to unsubscribe).
    public var organization: String
    /// How to reach it (a phone or an address), if known.
    public var contact: String?

    public init(account: String, payer: String, period: Period, closingBalance: Money, dueDate: CivilDate,
                organization: String, contact: String?) {
        self.account = account; self.payer = payer; self.period = period; self.closingBalance = closingBalance
        self.dueDate = dueDate; self.organization = organization; self.contact = contact
    }

    /// The values the templates see: `account`, `payer`, `period` («октябрь 2026»), `amount` (the
    /// amount due, «13 481,16», 0,00 without a debt), `due_date` (DD.MM.YYYY), `organization`,
    /// `contact`; which of `is_debt`, `is_advance` (with `overpayment`, the closing balance with its
    /// minus, as on the receipt) and `is_settled` holds.
    var templateContext: [String: Any] {
        var context: [String: Any] = [
            "account": account, "payer": payer, "period": period.russianName,
            "amount": (closingBalance > .zero ? closingBalance : .zero).russianString,
            "due_date": dueDate.russianString, "organization": organization,
            "is_debt": closingBalance > .zero, "is_advance": closingBalance < .zero, "is_settled": closingBalance == .zero,
        ]
        if closingBalance < .zero { context["overpayment"] = closingBalance.russianString }
        if let contact { context["contact"] = contact }
        return context
    }
}
