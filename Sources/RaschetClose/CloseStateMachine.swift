import RaschetCore
import RaschetStore

/// The close of one period as a state machine, written the way swift-nio writes its protocol state
/// machines: an enum of states, and mutating functions that take an event, move to the next state
/// and return the action the caller (`MonthlyClose`) performs. It does no I/O; the caller reads the
/// history from the store and writes what the actions say.
///
/// The period-order rules live in `begin`: the first close of a database may be any period within a
/// year of today (its opening balances are 0; `today` comes from the caller, the machine has no
/// clock); after that, period P may be closed only when P − 1 is closed with no
/// parked account, and a period before the latest started one is refused. Calling `begin` while
/// computing, or `finish` when not computing, is a programmer error (a precondition).
struct CloseStateMachine {
    /// Where the period's close stands.
    enum State: Hashable {
        /// No `close_runs` row: its close never started.
        case noRun
        /// Started and not finished: a run is going on, or one was interrupted (kill -9).
        case running
        /// Every account is closed.
        case closed
        /// Every account has a marker and some are parked: closing again computes only them.
        case closedWithParked
        /// This run is computing its accounts; `finish` ends it.
        case computing(dryRun: Bool)
    }

    /// What the store says about the database's closes, read before the run.
    struct History: Hashable {
        /// Every started close, ascending by period.
        var runs: [CloseRun]
        /// Parked accounts of the period being closed.
        var parkedInPeriod: Int
        /// Parked accounts of the period before it.
        var parkedInPrevious: Int
    }

    /// Which accounts a run computes.
    enum Todo: Hashable {
        /// Every account without a `closed` marker (a first or an interrupted run).
        case accountsWithoutClosedMarker
        /// Only the parked accounts of a closed period (after the data is fixed).
        case parkedAccounts
    }

    /// The answer to `begin`.
    enum BeginAction: Hashable {
        /// Throw the refusal; nothing is stored.
        case refuse(CloseRefusal)
        /// The period is closed with nothing parked: report it, store nothing.
        case reportAlreadyClosed
        /// Compute `todo`; when `markRunning`, record the start (`running`) first.
        case compute(Todo, markRunning: Bool)
    }

    /// The answer to `finish`.
    enum FinishAction: Hashable {
        /// Every account has a marker now: mark the period `closed` (written last).
        case markClosed
        /// A dry run: nothing to record.
        case none
    }

    /// How many months a first close may lie before or after today's period.
    static let firstCloseWindow = 12

    let period: Period
    private let history: History
    /// Today's period; nil when the caller has no clock (then a first close may be any period).
    private let today: Period?
    /// The state recorded in the store, before this run.
    private let recorded: State
    private(set) var state: State

    init(period: Period, history: History, today: Period? = nil) {
        self.period = period
        self.history = history
        self.today = today
        recorded = switch history.runs.first(where: { $0.period == period })?.status {
        case nil: .noRun
        case .running: .running
        case .closed: history.parkedInPeriod > 0 ? .closedWithParked : .closed
        }
        state = recorded
    }

    /// Event: a run starts. Applies the period-order rules, in this order: a never-started period
    /// before the first started one; another period's unfinished close; a never-started period that
    /// does not follow the last closed one; parked accounts in the previous period; a first close more
    /// than `firstCloseWindow` months from today.
    mutating func begin(dryRun: Bool) -> BeginAction {
        switch state {
        case .computing:
            preconditionFailure("the close of \(period.code) has already begun")
        case .noRun:
            if let first = history.runs.first?.period, first > period { return .refuse(.beforeFirst(period, first: first)) }
            if let refusal = unfinishedElsewhere() { return .refuse(refusal) }
            if let last = history.runs.last?.period {
                let previous = period.previous
                if last != previous { return .refuse(.outOfOrder(period, last: last)) }
                if history.parkedInPrevious > 0 { return .refuse(.parkedInPrevious(previous, count: history.parkedInPrevious)) }
            } else if let refusal = farFromToday() {
                return .refuse(refusal)
            }
            state = .computing(dryRun: dryRun)
            return .compute(.accountsWithoutClosedMarker, markRunning: !dryRun)
        case .running:
            if let refusal = unfinishedElsewhere() { return .refuse(refusal) }
            state = .computing(dryRun: dryRun)
            return .compute(.accountsWithoutClosedMarker, markRunning: false)
        case .closed:
            if let refusal = unfinishedElsewhere() { return .refuse(refusal) }
            return .reportAlreadyClosed
        case .closedWithParked:
            if let refusal = unfinishedElsewhere() { return .refuse(refusal) }
            state = .computing(dryRun: dryRun)
            return .compute(.parkedAccounts, markRunning: false)
        }
    }

    /// Event: every account of the run has been stored (or, in a dry run, computed); `parked` of them
    /// are parked.
    mutating func finish(parked: Int) -> FinishAction {
        guard case .computing(let dryRun) = state else {
            preconditionFailure("the close of \(period.code) finished without beginning (state \(state))")
        }
        if dryRun {
            state = recorded
            return .none
        }
        state = parked > 0 ? .closedWithParked : .closed
        return .markClosed
    }

    /// A first close of a period outside today ± `firstCloseWindow` months.
    private func farFromToday() -> CloseRefusal? {
        guard let today else { return nil }
        let distance = period.ordinal - today.ordinal
        guard abs(distance) > Self.firstCloseWindow else { return nil }
        // The window within the calendar's years (1900...9999): a today at its edge names no month beyond it.
        let calendar = Period(year: 1900, month: 1)!.ordinal...Period(year: 9999, month: 12)!.ordinal
        return .farFromToday(period, earliest: Period(ordinal: max(today.ordinal - Self.firstCloseWindow, calendar.lowerBound)),
                             latest: Period(ordinal: min(today.ordinal + Self.firstCloseWindow, calendar.upperBound)))
    }

    /// Another period whose close started and did not finish (the first, ascending).
    private func unfinishedElsewhere() -> CloseRefusal? {
        history.runs.first { $0.status != .closed && $0.period != period }.map { .unfinished($0.period) }
    }
}
