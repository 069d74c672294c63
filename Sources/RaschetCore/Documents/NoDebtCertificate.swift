/// A no-debt certificate (справка об отсутствии задолженности) of one account on a date: issued
/// only when the balance on that date is zero or an advance (SPEC section 6). Exact values.
public struct NoDebtCertificate: Sendable, Hashable {
    public var account: Account
    /// The date asked for.
    public var date: CivilDate
    /// The last closed day when `date` lies in an open period («по данным на ...»), else nil.
    public var dataAsOf: CivilDate?
    /// The balance on `date` (or on `dataAsOf`): zero, or negative for an advance.
    public var balance: Money

    public init(account: Account, date: CivilDate, dataAsOf: CivilDate?, balance: Money) {
        self.account = account; self.date = date; self.dataAsOf = dataAsOf; self.balance = balance
    }

    /// Issues the certificate of `ledger`'s account on `date`: the balance after every operation
    /// booked on or before `date` (or the last closed day, when `date` is later).
    /// - Throws: `StatementError.Code.debt` carrying the debt when the balance is positive;
    ///   `.nothingClosed` when no period is closed.
    public init(ledger: AccountLedger, on date: CivilDate) throws(StatementError) {
        let range = try ledger.range(from: date, to: date, fromMayBeOpen: true)
        let balance = ledger.balance(on: range.coveredTo)
        guard balance <= .zero else {
            throw StatementError(
                code: .debt,
                message: .certificateRefused(account: ledger.account.id, date: range.coveredTo, debt: balance),
                accountID: ledger.account.id, debt: balance)
        }
        self.init(account: ledger.account, date: date, dataAsOf: range.dataAsOf, balance: balance)
    }
}
