/// One account's close, ready to store: either its lines, balance, posted payments and review
/// flags, or the reason it is parked (then nothing else is stored for it).
public struct AccountCloseOutcome: Sendable, Hashable {
    public var accountID: String
    /// Charges, recalculations and penalties, in the order the rules produced them.
    public var lines: [ChargeLine]
    public var balance: AccountBalance
    /// Ids of the payments this close takes into the balance.
    public var postedPayments: [String]
    public var flags: [ReviewFlag]
    /// The input fingerprints to store (`AccountBilling.bill`): the period's own and those of the
    /// earlier periods recomputed with changed inputs.
    public var fingerprints: [PeriodFingerprint]
    /// The amount of `PenaltyDebt.debts(fromPosted:)` for `lines` (nil without a line that bears
    /// penalties): what later closes accrue penalties on.
    public var postedDebt: Money?
    /// The payments posted by this close and every earlier one, which the next close takes as one
    /// amount (`AccountCloseInput.earlierPayments`).
    public var paymentsToDate: PaymentTotals
    /// The debts the payments to date have settled for good, this close's own included
    /// (`SettledDebts.after`): what the next close leaves out of the earlier debts.
    public var settledDebts: SettledDebts?
    /// The debts `settledDebts` leaves open, this close's own included, oldest first: the earlier
    /// debts the next close accrues penalties on (`AccountCloseInput.earlierDebts`). Nil when not
    /// known (a parked account).
    public var openDebts: [EarlierDebt]?
    /// The area and residents the period was billed with: what its receipt shows. Nil for a parked
    /// account.
    public var premises: Premises?
    /// Why the account could not be computed; when set, the other fields are empty.
    public var parked: BillingError?

    public init(accountID: String, lines: [ChargeLine], balance: AccountBalance, postedPayments: [String],
                flags: [ReviewFlag], fingerprints: [PeriodFingerprint] = [], postedDebt: Money? = nil,
                paymentsToDate: PaymentTotals = .zero, settledDebts: SettledDebts? = nil, openDebts: [EarlierDebt]? = nil,
                premises: Premises? = nil, parked: BillingError?) {
        self.accountID = accountID; self.lines = lines; self.balance = balance
        self.postedPayments = postedPayments; self.flags = flags; self.fingerprints = fingerprints
        self.postedDebt = postedDebt; self.paymentsToDate = paymentsToDate; self.settledDebts = settledDebts
        self.openDebts = openDebts; self.premises = premises; self.parked = parked
    }

    /// A parked account: the reason, no lines, a zero balance.
    public static func parked(_ accountID: String, _ reason: BillingError) -> AccountCloseOutcome {
        let zero = AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero, paid: .zero)
        return AccountCloseOutcome(accountID: accountID, lines: [], balance: zero, postedPayments: [], flags: [], parked: reason)
    }
}
