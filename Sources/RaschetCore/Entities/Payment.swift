/// A payment received for an account. Key: `id` (the bank's operation id).
public struct Payment: Sendable, Hashable {
    public var id: String
    public var accountID: String
    public var date: CivilDate
    public var amount: Money
    /// The bank or channel it came through.
    public var source: String?
    /// The period the payer named, if any.
    public var period: Period?

    public init(id: String, accountID: String, date: CivilDate, amount: Money, source: String? = nil, period: Period? = nil) {
        self.id = id; self.accountID = accountID; self.date = date; self.amount = amount; self.source = source
        self.period = period
    }
}
