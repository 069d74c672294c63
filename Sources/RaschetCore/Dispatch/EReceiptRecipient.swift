/// An account that receives its receipts by e-mail (`e_receipt = 1`, `email_confirmed = 1`, an
/// address), with what its message says.
public struct EReceiptRecipient: Sendable, Hashable {
    public var account: String
    public var name: String
    public var email: String
    /// The period's closing balance when positive, else zero; nil when the period is not closed
    /// for this account (no receipt yet).
    public var amountDue: Money?

    public init(account: String, name: String, email: String, amountDue: Money?) {
        self.account = account; self.name = name; self.email = email; self.amountDue = amountDue
    }
}
