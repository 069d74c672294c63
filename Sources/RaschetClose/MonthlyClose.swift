import Foundation
public import RaschetCore
public import RaschetStore

/// The monthly close (SPEC section 4): batches of accounts, one write transaction per batch, a
/// per-account "done" marker, and the period's "closed" mark last. `AccountClose` (RaschetCore)
/// computes each account; the store's tables load and keep the results; `CloseStateMachine` holds
/// the period-order rules.
///
/// Design (why a crash or a second run ends with the stored result of one clean run):
/// - Every account's results — its lines, balance, posted payments, review flags, input fingerprints and its
///   `close_accounts` marker — are written in the batch's transaction (`Store.saveClose`), so after
///   `kill -9` an account is either completely stored or not at all. A rerun skips accounts marked
///   `closed`.
/// - The rules ignore lines posted in the period being closed, and payments are posted once
///   (`posted_payments`), so recomputing an account gives the same result as the first attempt.
/// - `close_runs.status` becomes `closed` only after every account has a marker. Closing a closed
///   period again computes only its `parked` accounts (after the data is fixed); with none parked
///   it is a no-op.
/// - Order: the first close of a database may be any period within a year of `today` (its opening
///   balances are 0); after that, period P may be closed only when P − 1 is closed with no parked account (balances of P
///   open with the closings of P − 1), and a period before the latest started one is refused: a
///   closed period is never rewritten, corrections go into the current one as `recalc` lines.
///
/// - A parked account gets a `parked` marker with its reason and nothing else (no lines, no balance);
///   the next period cannot be closed while one is parked, so balances always chain.
/// - Two closes of the same database at once are kept apart by the caller: `CloseMonth` holds the
///   database's command lock for the whole run, so a second close waits for the first and then finds
///   the period closed (or exits 75 when the wait runs out). Run without it, the second would fail
///   on the first one's rows and store nothing of the failed batch.
///
/// Throughput: batches go through a pipeline (`ClosePipeline`): while one batch is written, the next
/// is loaded and billed in chunks of contiguous accounts by up to one worker per core, each on its
/// own read-only connection (one query per table over the chunk's account-id range).
///
/// Payments: a payment is posted, once, in the first close whose period ends on or after its date
/// (a late-imported payment with an old date lands in the current close). Penalties accrue on the
/// debts of the lines posted by earlier closes, settled by all the account's payments up to the
/// period's last day, oldest debt first (`PenaltyCalculator`); a payment dated in a closed period
/// corrects that period's penalties in the current close (`PenaltyRecalculation`).
public struct MonthlyClose: Sendable {
    public let store: Store
    public let period: Period
    public let rules: BillingRules
    /// Accounts per write transaction.
    public let batchSize: Int
    /// Compute and report, store nothing.
    public let dryRun: Bool
    /// Today's period, from the caller's clock: a first close must lie within a year of it. Nil (a
    /// caller without a clock, such as a test) lets a first close be any period.
    public let today: Period?
    /// Recompute every earlier period with posted lines (within the lookback), ignoring the stored
    /// input fingerprints; by default only the periods whose inputs changed since the close that last
    /// computed them are recomputed (`AccountBilling.bill`). Both give the same lines; the fingerprints
    /// are stored either way.
    public let recomputeAll: Bool

    public init(store: Store, period: Period, rules: BillingRules, batchSize: Int = 2_000, dryRun: Bool = false,
                today: Period? = nil, recomputeAll: Bool = false) {
        precondition(batchSize > 0, "batch size must be positive")
        self.store = store; self.period = period; self.rules = rules; self.batchSize = batchSize; self.dryRun = dryRun
        self.today = today; self.recomputeAll = recomputeAll
    }

    /// Runs the close.
    /// - Parameter progress: called before the first batch and after every batch (from the calling thread).
    /// - Throws: `StoreError.Code.refused` when the period cannot be closed now (order of periods);
    ///   `StoreError.Code.failed` when the database fails (the batches committed before stay stored).
    public func run(progress: (CloseProgress) -> Void = { _ in }) throws(StoreError) -> CloseReport {
        var machine = CloseStateMachine(period: period, history: try CloseStateMachine.History(period: period, store: store),
                                        today: today)
        switch machine.begin(dryRun: dryRun) {
        case .refuse(let refusal):
            throw StoreError(.refused, refusal.message)
        case .reportAlreadyClosed:
            return CloseReport(period: period, outcome: .alreadyClosed)
        case .compute(let todo, let markRunning):
            let plan = try ClosePlan(todo, period: period, store: store)
            var report = CloseReport(period: period, outcome: dryRun ? .dryRun : .closed)
            report.alreadyDone = plan.alreadyDone
            let reference = try store.closeReference(for: period)
            // 256 MiB at most: the batches insert into several B-trees at once.
            try store.prepareCloseWriting(pageCacheKibibytes: 262_144)
            if markRunning {
                try store.startCloseRun(period, rulesDigest: InputFingerprint.rulesDigest(rules), terms: try? rules.receiptTerms(for: period))
            }
            try store.withBackgroundCheckpoints { (committed) throws(StoreError) in
                try runBatches(plan, reference: reference, into: &report, committed: committed, progress: progress)
            }
            switch machine.finish(parked: report.parked.count) {
            case .markClosed: try store.finishCloseRun(period)
            case .none: break
            }
            report.parked.sort { $0.accountID < $1.accountID }
            return report
        }
    }

    /// Drives the pipeline over the plan's batches: step i writes batch i − 1 and bills batch i;
    /// `committed` is called after each batch's commit.
    private func runBatches(_ plan: ClosePlan, reference: CloseReference, into report: inout CloseReport,
                            committed: @Sendable () -> Void, progress: (CloseProgress) -> Void) throws(StoreError) {
        progress(CloseProgress(done: 0, total: plan.todo.count))
        // One billing worker per core, at most 4, each with its own reader.
        var readers: [CloseInputReader] = []
        for _ in 0..<max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) { readers.append(try store.openCloseInputReader()) }
        let pipeline = try ClosePipeline(store: store, readers: readers, reference: reference,
                                     close: AccountClose(period: period, rules: rules, keyRates: reference.keyRates,
                                                         recomputeAll: recomputeAll, services: reference.services,
                                                         tariffs: reference.tariffs))
        let batches = plan.batches(size: batchSize)
        var pending: [AccountCloseOutcome]?
        var done = 0
        for index in 0...batches.count {
            let next = index < batches.count ? batches[index] : nil
            let step = try pipeline.step(saving: dryRun ? nil : pending, billing: next, committed: committed)
            report.loadTime += step.load
            report.computeTime += step.compute
            report.saveTime += step.save
            if let finished = pending {
                for outcome in finished { report.add(outcome) }
                report.batches += 1
                done += finished.count
                progress(CloseProgress(done: done, total: plan.todo.count))
            }
            pending = step.outcomes
        }
    }
}
