import RaschetCore
import RaschetStore

/// What one run of a close has to do: the accounts to compute, ascending, in batches of one write
/// transaction each, and how many an earlier (interrupted) run already closed.
struct ClosePlan: Hashable {
    var todo: [String]
    /// Accounts of the period with a `closed` marker before this run.
    var alreadyDone: Int

    /// Reads the plan of `todo` from the store.
    init(_ todo: CloseStateMachine.Todo, period: Period, store: Store) throws(StoreError) {
        switch todo {
        case .accountsWithoutClosedMarker: self.todo = try store.accountsToClose(period)
        case .parkedAccounts: self.todo = try store.parkedAccounts(period)
        }
        alreadyDone = try store.closeMarkers(period, .closed)
    }

    /// The accounts in consecutive batches of at most `size` (the last may be shorter).
    func batches(size: Int) -> [[String]] {
        precondition(size > 0, "batch size must be positive")
        return stride(from: 0, to: todo.count, by: size).map { Array(todo[$0..<min($0 + size, todo.count)]) }
    }
}

extension CloseStateMachine.History {
    /// Reads the database's closes as `CloseStateMachine` needs them for closing `period`.
    init(period: Period, store: Store) throws(StoreError) {
        self.init(runs: try store.closeRuns(), parkedInPeriod: try store.closeMarkers(period, .parked),
                  parkedInPrevious: try store.closeMarkers(period.previous, .parked))
    }
}
