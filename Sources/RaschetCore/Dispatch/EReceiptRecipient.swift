/// An account that receives its receipts by e-mail (`e_receipt = 1`, `email_confirmed = 1`, an
/// address), with what its message says.
public struct EReceiptRecipient: Sendable, Hashable {
    public var account: String
    public var name: String
    public var email: String
    /// The period's closing balance (positive: a debt, negative: an overpayment); nil when the
    /// period is not closed for this account (no receipt yet).
    public var closingBalance: Money?

    public init(account: String, name: String, email: String, closingBalance: Money?) {
        self.account = account; self.name = name; self.email = email; self.closingBalance = closingBalance
    }
}
