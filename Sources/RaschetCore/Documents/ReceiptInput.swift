/// What the store holds about one account for one closed period: the raw material of its receipt
/// (`ReceiptContent.init(input:...)` turns it into the receipt's rows and totals).
public struct ReceiptInput: Sendable, Hashable {
    public var account: Account
    /// The closed period.
    public var period: Period
    /// Every line the period's close posted for the account (charges, recalculations, penalties).
    public var lines: [ChargeLine]
    /// The account's balance movement over the period.
    public var balance: AccountBalance
    /// The payments the period's close posted for the account.
    public var payments: [Payment]
    /// The account's meters (any order).
    public var meters: [Meter]
    /// The readings of those meters up to the end of the period (any order; earlier periods are needed
    /// for the previous reading): every one, or those from `ReceiptContent.readingsFrom` on when they
    /// suffice (`ReceiptContent.readingsSuffice`).
    public var readings: [Reading]
    /// The gross of all lines posted by each closed period (any order, any span; the builder keeps the
    /// last 12 periods ending with `period`).
    public var history: [ReceiptContent.HistoryPoint]

    public init(account: Account, period: Period, lines: [ChargeLine], balance: AccountBalance, payments: [Payment],
                meters: [Meter], readings: [Reading], history: [ReceiptContent.HistoryPoint]) {
        self.account = account; self.period = period; self.lines = lines; self.balance = balance
        self.payments = payments; self.meters = meters; self.readings = readings; self.history = history
    }
}
