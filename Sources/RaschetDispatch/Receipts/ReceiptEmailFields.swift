public import RaschetCore

/// What an e-receipt's subject and bodies say (the fields of `Templates/email/`).
public struct ReceiptEmailFields: Sendable, Hashable {
    public var account: String
    /// The payer as the message greets them (the account's name).
    public var payer: String
    public var period: Period
    public var amountDue: Money
    public var dueDate: CivilDate
    /// The settlement center's name (where to pay in cash, whom to tell to unsubscribe).
    public var organization: String
    /// How to reach it (a phone or an address), if known.
    public var contact: String?

    public init(account: String, payer: String, period: Period, amountDue: Money, dueDate: CivilDate,
                organization: String, contact: String?) {
        self.account = account; self.payer = payer; self.period = period; self.amountDue = amountDue
        self.dueDate = dueDate; self.organization = organization; self.contact = contact
    }

    /// The values the templates see: `account`, `payer`, `period` («октябрь 2026»), `amount`
    /// («13 481,16»), `due_date` (DD.MM.YYYY), `organization`, `contact`.
    var templateContext: [String: Any] {
        var context: [String: Any] = [
            "account": account, "payer": payer, "period": period.russianName, "amount": amountDue.russianString,
            "due_date": dueDate.russianString, "organization": organization,
        ]
        if let contact { context["contact"] = contact }
        return context
    }
}
