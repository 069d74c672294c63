public import RaschetCore
import GRDB

extension Store {
    /// Stores a batch of a close's outcomes in one write transaction: per account its lines, balance,
    /// posted payments, review flags, input fingerprints, debt and its `closed` marker, or only a
    /// `parked` marker with the reason; the marks of the late payments it posts are deleted
    /// (`LatePaymentsTable`), and changes of readings stamped with the period are settled
    /// (`ChangeStamps.settle`). Each table's rows of the whole batch go in together, many rows
    /// per statement (`ManyRowInsert`). After a crash an account is therefore either entirely stored
    /// or not at all.
    ///
    /// An account without a `closed` marker has no rows of the period (they are written together), so
    /// nothing needs deleting: a parked marker left by an earlier attempt is replaced.
    /// - Throws: `StoreError.Code.failed` when a row cannot be stored; nothing of the batch is then kept.
    public func saveClose(_ outcomes: [AccountCloseOutcome], period: Period) throws(StoreError) {
        try write { db in
            let code = period.code
            try AccountLinesTable.insert(outcomes, period: period, into: db)
            try BalancesTable.insert(outcomes, code: code, into: db)
            try PostedPaymentsTable.insert(outcomes, code: code, into: db)
            if let first = outcomes.lazy.map(\.accountID).min(), let last = outcomes.lazy.map(\.accountID).max() {
                try LatePaymentsTable.deletePosted(accounts: first, last, in: db)
                for stamps in [ReadingChangesTable.stamps, MeterChangesTable.stamps] {
                    try stamps.settle(accounts: first...last, period: period, db)
                }
            }
            try ReviewFlagsTable.insert(outcomes, code: code, into: db)
            try CloseFingerprintsTable.insert(outcomes, code: code, into: db)
            try CloseDebtsTable.insert(outcomes, code: code, into: db)
            try CloseAccountsTable.insert(outcomes, code: code, into: db)
        }
    }
}

extension ManyRowInsert where Row == (outcome: Int, seq: Int) {
    /// The rows of a list each stored (not parked) outcome holds (its lines, flags, ...), `count` of
    /// the outcome at an index long: the outcome's index in `outcomes` and the row's in the list, so
    /// that binding reads them in place.
    static func rows(of outcomes: [AccountCloseOutcome], count: (Int) -> Int) -> [Row] {
        var rows: [Row] = []
        for index in outcomes.indices where outcomes[index].parked == nil {
            for seq in 0..<count(index) { rows.append((outcome: index, seq: seq)) }
        }
        return rows
    }
}
