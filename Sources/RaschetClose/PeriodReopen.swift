public import RaschetCore
public import RaschetStore

/// `raschet reopen YYYY-MM`: undoes a mistaken close (SPEC section 4 keeps closed periods
/// unchanged; this is the one way back). Only the latest started close may be reopened, and only
/// while no document of the period was numbered or sent: a receipt that left the house describes
/// the close, so it must be cancelled first. The store deletes exactly the rows the close wrote, in
/// one transaction, so the database is as it was before the close.
public struct PeriodReopen: Sendable {
    public let store: Store
    public let period: Period

    public init(store: Store, period: Period) {
        self.store = store
        self.period = period
    }

    /// Reopens the period.
    /// - Throws: `StoreError.Code.refused` (exit 65) with a message naming what blocks it and the fix.
    public func run() throws(StoreError) {
        guard let blocker = try store.reopen(period) else { return }
        throw StoreError(.refused, Self.message(blocker, period: period))
    }

    /// The refusal, naming the command or the step that unblocks it.
    static func message(_ blocker: ReopenBlocker, period: Period) -> Message {
        switch blocker {
        case .notClosed: .reopenNotClosed(period)
        case .notLatest(let latest): .reopenNotLatest(period, latest: latest)
        case .documentsIssued(let numbered, let outbox): .reopenDocumentsIssued(period, numbered: numbered, outbox: outbox)
        }
    }
}
