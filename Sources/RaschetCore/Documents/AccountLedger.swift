/// An account's closed history from one period on: what the statements and certificates of the
/// account are built from (loaded by the store, pure from here on).
///
/// `periods` are the closed periods from `since` on that hold a balance of the account, ascending;
/// `openingBalance` is the account's balance before `since` (the closing of its latest closed period
/// before `since`, or 0). Balances are derived from the operations: the balance on a date is
/// `openingBalance` plus the change of every operation booked on or before that date (see
/// `LedgerOperation.bookedOn`), which on a period's last day is that period's stored closing.
public struct AccountLedger: Sendable, Hashable {
    public var account: Account
    /// The first period loaded: statements may start no earlier than its first day.
    public var since: Period
    public var openingBalance: Money
    public var periods: [PeriodEntry]
    /// The latest closed period of the database (nil: none is closed).
    public var lastClosed: Period?
    /// Service names by service id, for the accrual statement (penalty lines have none: «Пени»).
    public var serviceNames: [String: String]

    public init(account: Account, since: Period, openingBalance: Money, periods: [PeriodEntry], lastClosed: Period?,
                serviceNames: [String: String]) {
        self.account = account; self.since = since; self.openingBalance = openingBalance; self.periods = periods
        self.lastClosed = lastClosed; self.serviceNames = serviceNames
    }

    /// One closed period of the account: its stored balance, its lines in export order and the
    /// payments its close posted.
    public struct PeriodEntry: Sendable, Hashable {
        public var period: Period
        public var balance: AccountBalance
        public var lines: [ChargeLine]
        public var payments: [Payment]

        public init(period: Period, balance: AccountBalance, lines: [ChargeLine], payments: [Payment]) {
            self.period = period; self.balance = balance; self.lines = lines; self.payments = payments
        }

        /// The period's operations in booking order: by booking date, then charges, recalculations,
        /// penalties before payments on the same day, payments by id.
        public var operations: [LedgerOperation] {
            let lastDay = period.lastDay
            var out: [LedgerOperation] = []
            for (kind, type) in [(ChargeKind.charge, SettlementOperationType.finalInvoice), (.recalc, .recalculation),
                                 (.penalty, .penalty)] {
                let own = lines.filter { $0.kind == kind }
                guard !own.isEmpty else { continue }
                out.append(LedgerOperation(type: type, period: period, date: lastDay, bookedOn: lastDay,
                                           charged: own.reduce(.zero) { $0 + $1.gross }, paid: .zero))
            }
            for payment in payments {
                let booked = min(max(payment.date, period.firstDay), lastDay)
                out.append(LedgerOperation(type: payment.amount < .zero ? .paymentCorrection : .payment, period: period,
                                           date: payment.date, bookedOn: booked, charged: .zero, paid: payment.amount,
                                           paymentID: payment.id))
            }
            return out.enumerated().sorted { a, b in
                let x = a.element, y = b.element
                if x.bookedOn != y.bookedOn { return x.bookedOn < y.bookedOn }
                if let p = x.paymentID, let q = y.paymentID, p != q { return p < q }
                return a.offset < b.offset
            }.map(\.element)
        }
    }

    /// Every operation of `periods`, in booking order.
    public var operations: [LedgerOperation] { periods.flatMap(\.operations) }

    /// The balance after every operation booked on or before `date` (positive: debt).
    public func balance(on date: CivilDate) -> Money {
        operations.reduce(openingBalance) { $1.bookedOn <= date ? $0 + $1.change : $0 }
    }

    /// The range of a statement from `from` to `to` over this ledger's closed periods
    /// (`fromMayBeOpen` as for `StatementRange`).
    /// - Throws: `StatementError` when the range is reversed, nothing is closed, or it starts after
    ///   the last closed day and may not.
    public func range(from: CivilDate, to: CivilDate, fromMayBeOpen: Bool = false) throws(StatementError) -> StatementRange {
        precondition(from >= since.firstDay, "the ledger was loaded from \(since.code), after the statement's start \(from.isoString)")
        return try StatementRange(from: from, to: to, lastClosed: lastClosed, fromMayBeOpen: fromMayBeOpen)
    }
}
