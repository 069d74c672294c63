import RaschetClose
public import RaschetCore
import RaschetSettings
import RaschetStore

/// `raschet close YYYY-MM`: the monthly close (SPEC section 4) with the settings' billing rules,
/// then the review list written to `DB.review-YYYY-MM.csv` next to the database (`ReviewListFile`:
/// when it cannot be written the period stays closed, the command fails naming the cause, and the
/// next command on the database writes it late).
public struct CloseMonth: Sendable {
    /// How the run ended.
    public enum Outcome: Sendable, Hashable {
        /// Every account is computed (some may be parked); the period is marked closed.
        case closed
        /// The period was already closed with nothing parked: nothing done, nothing written.
        case alreadyClosed
        /// A dry run: computed, nothing written.
        case dryRun
    }

    /// An account the close could not compute, with the reason naming account, service and period.
    public struct ParkedAccount: Sendable, Hashable {
        public var account: String
        public var reason: Message
    }

    /// What `run(progress:)` did; sums are machine strings (`1234.56`).
    public struct Report: Sendable, Hashable {
        public var month: BillingMonth
        public var outcome: Outcome
        /// Accounts closed by this run.
        public var closed: Int
        public var parked: [ParkedAccount]
        /// Accounts an earlier, interrupted run had finished.
        public var alreadyDone: Int
        public var lines: Int
        public var charged: String
        public var recalc: String
        public var penalty: String
        public var paid: String
        public var reviewFlags: Int
        /// Where the review list was written (nil for a dry run or an already closed period).
        public var reviewListPath: String?
        public var batches: Int
        public var loadTime: Duration
        public var computeTime: Duration
        public var saveTime: Duration

        /// 0, or 65 when accounts are parked.
        public var exitCode: Int32 { parked.isEmpty ? 0 : ExitStatus.badData.rawValue }
    }

    public var workspace: Workspace
    public var month: BillingMonth
    public var dryRun: Bool
    /// Accounts per transaction.
    public var batchSize: Int
    /// Today: a first close must be of a period within a year of it.
    public var today: CalendarDay
    /// Recompute every earlier period with posted lines instead of only those whose inputs changed
    /// since their close (`MonthlyClose.recomputeAll`): the same result, the reference for tests and
    /// benchmarks.
    public var recomputeAll: Bool

    public init(workspace: Workspace, month: BillingMonth, dryRun: Bool = false, batchSize: Int = 2_000,
                today: CalendarDay = .today(), recomputeAll: Bool = false) {
        self.workspace = workspace
        self.recomputeAll = recomputeAll
        self.month = month
        self.dryRun = dryRun
        self.batchSize = batchSize
        self.today = today
    }

    /// - Parameter progress: accounts done and to do, after every batch.
    public func run(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(AppError) -> Report {
        let settings = try workspace.settings()
        // Held to the end of the run: a second close of the database waits for this one (`CommandLock`).
        let lock = dryRun ? nil : try workspace.lock(for: "close \(month.period.code)")
        defer { withExtendedLifetime(lock) {} }
        let store = try workspace.openStore()
        var report = try close(store, rules: settings.billingRules, progress: progress)
        if report.outcome == .closed {
            let period = month.period
            report.reviewFlags = try ReviewListFile.write(store, database: workspace.database, period: period)
            report.reviewListPath = ReviewListFile.path(database: workspace.database, period: period)
        }
        return report
    }

    /// The close itself, on an open store, without the review list file.
    func close(_ store: Store, rules: BillingRules, progress: (_ done: Int, _ total: Int) -> Void) throws(AppError) -> Report {
        guard batchSize > 0 else { throw AppError(.usage, .batchSizeNotPositive) }
        let close: CloseReport
        do {
            close = try MonthlyClose(store: store, period: month.period, rules: rules, batchSize: batchSize, dryRun: dryRun,
                               today: today.date.period, recomputeAll: recomputeAll)
                .run { progress($0.done, $0.total) }
        } catch {
            throw AppError(error)
        }
        return Report(
            month: month, outcome: Self.outcome(close.outcome), closed: close.closed,
            parked: close.parked.map { ParkedAccount(account: $0.accountID, reason: $0.reason) },
            alreadyDone: close.alreadyDone, lines: close.lines, charged: close.charged.machineString,
            recalc: close.recalc.machineString, penalty: close.penalty.machineString, paid: close.paid.machineString,
            reviewFlags: close.reviewFlags, reviewListPath: nil, batches: close.batches, loadTime: close.loadTime,
            computeTime: close.computeTime, saveTime: close.saveTime)
    }

    private static func outcome(_ outcome: CloseReport.Outcome) -> Outcome {
        switch outcome {
        case .closed: .closed
        case .alreadyClosed: .alreadyClosed
        case .dryRun: .dryRun
        }
    }
}
