public import RaschetCore

/// What one `MonthlyClose.run(progress:)` did.
public struct CloseReport: Sendable, Hashable {
    /// How the run ended.
    public enum Outcome: Sendable, Hashable {
        /// Every account of the period has been computed (some may be parked); the period is marked closed.
        case closed
        /// The period was already closed with nothing parked: nothing to do, nothing written.
        case alreadyClosed
        /// `--dry-run`: computed, nothing written.
        case dryRun
    }

    /// An account the close could not compute, with the reason naming account, service and period.
    public struct Parked: Sendable, Hashable {
        public var accountID: String
        public var code: String
        public var reason: Message

        public init(accountID: String, code: String, reason: Message) {
            self.accountID = accountID; self.code = code; self.reason = reason
        }
    }

    public var period: Period
    public var outcome: Outcome
    /// Accounts computed by this run (closed or parked now).
    public var computed: Int = 0
    /// Accounts skipped because an earlier (interrupted) run already stored them.
    public var alreadyDone: Int = 0
    /// Accounts closed by this run.
    public var closed: Int = 0
    /// Accounts parked by this run, ordered by account.
    public var parked: [Parked] = []
    /// Lines posted by this run (charges, recalculations, penalties).
    public var lines: Int = 0
    /// Sums over the accounts closed by this run (in `Int128`: a run of many huge accounts never traps).
    public var charged = MoneyTotal()
    public var recalc = MoneyTotal()
    public var penalty = MoneyTotal()
    public var paid = MoneyTotal()
    /// Review flags written by this run.
    public var reviewFlags: Int = 0
    /// Batches (transactions) this run committed.
    public var batches: Int = 0
    /// Time spent loading batches and billing them (summed over the billing workers), and writing them
    /// (including the commits). They overlap, so the sum exceeds the run's wall time.
    public var loadTime: Duration = .zero
    public var computeTime: Duration = .zero
    public var saveTime: Duration = .zero

    public init(period: Period, outcome: Outcome) {
        self.period = period
        self.outcome = outcome
    }
}

extension CloseReport {
    /// Counts one stored (or, in a dry run, computed) account's outcome.
    mutating func add(_ outcome: AccountCloseOutcome) {
        computed += 1
        if let reason = outcome.parked {
            parked.append(Parked(accountID: outcome.accountID, code: reason.code.rawValue, reason: reason.text))
            return
        }
        closed += 1
        lines += outcome.lines.count
        charged += outcome.balance.charged
        recalc += outcome.balance.recalc
        penalty += outcome.balance.penalty
        paid += outcome.balance.paid
        reviewFlags += outcome.flags.count
    }
}
