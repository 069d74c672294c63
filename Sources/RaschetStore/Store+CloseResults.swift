public import RaschetCore
import GRDB

extension Store {
    /// Stores a batch of a close's outcomes in one write transaction: per account its lines, balance,
    /// posted payments, review flags, input fingerprints, debt and (last) its `closed` marker, or only a `parked` marker with
    /// the reason. After a crash an account is therefore either entirely stored or not at all.
    ///
    /// An account without a `closed` marker has no rows of the period (they are written together), so
    /// nothing needs deleting: a parked marker left by an earlier attempt is replaced.
    /// - Throws: `StoreError.Code.failed` when a row cannot be stored; nothing of the batch is then kept.
    public func saveClose(_ outcomes: [AccountCloseOutcome], period: Period) throws(StoreError) {
        try write { db in
            let code = period.code
            let lines = try ChargeLinesTable.Insert(db)
            let balances = try BalancesTable.Insert(db)
            let payments = try PostedPaymentsTable.Insert(db)
            let flags = try ReviewFlagsTable.Insert(db)
            let fingerprints = try CloseFingerprintsTable.Insert(db)
            let debts = try CloseDebtsTable.Insert(db)
            let markers = try CloseAccountsTable.Insert(db)
            for outcome in outcomes {
                let id = outcome.accountID
                if let reason = outcome.parked {
                    try markers.parked(id, reason: reason, period: code)
                    continue
                }
                try lines(outcome.lines, accountID: id, period: period, code: code)
                try balances(outcome.balance, accountID: id, code: code)
                try payments(outcome.postedPayments, accountID: id, code: code)
                try flags(outcome.flags, accountID: id, code: code)
                try fingerprints(outcome.fingerprints, accountID: id, code: code)
                try debts(outcome.postedDebt, accountID: id, code: code)
                try markers.closed(id, period: code)
            }
        }
    }
}
