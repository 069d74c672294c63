public import RaschetCore
import GRDB

extension Store {
    /// Runs the monthly close of `period` (SPEC section 4); see `MonthlyClose` for the design.
    /// - Parameters:
    ///   - batchSize: accounts per write transaction.
    ///   - dryRun: compute and report, store nothing.
    ///   - progress: called after every batch (from the calling thread).
    /// - Throws: `StoreError.Code.refused` when the period cannot be closed now (order of periods).
    public func close(_ period: Period, rules: BillingRules, batchSize: Int = 2_000, dryRun: Bool = false,
                      progress: (CloseProgress) -> Void = { _ in }) throws(StoreError) -> CloseReport {
        precondition(batchSize > 0, "batch size must be positive")
        return try MonthlyClose(store: self, period: period, rules: rules, batchSize: batchSize, dryRun: dryRun)
            .run(progress: progress)
    }

    /// How many accounts of `period` carry a "done" marker (closed or parked): the close's progress
    /// as another process sees it.
    public func closeMarkers(_ period: Period) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM close_accounts WHERE period = ?", arguments: [period.code]) ?? 0
        }
    }

    /// The close status of `period`: nil (never started), `running` or `closed`.
    public func closeStatus(_ period: Period) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT status FROM close_runs WHERE period = ?", arguments: [period.code]) }
    }

    /// The review list of `period`, ordered by account.
    public func reviewFlags(_ period: Period) throws(StoreError) -> [ReviewFlag] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM review_flags WHERE period = ? ORDER BY account_id, seq",
                             arguments: [period.code]).map { row in
                ReviewFlag(accountID: row["account_id"], serviceID: row["service_id"],
                           zone: (row["zone"] as String?).flatMap { Zone(rawValue: $0) }, period: period,
                           reason: ReviewFlag.Reason(rawValue: row["reason"]) ?? .negativeTotal, message: row["message"])
            }
        }
    }

    /// The lines posted by the close of `period` (optionally of one account), in export order: by
    /// account, service, kind (charge, recalc, penalty), reference period, zone, then component and
    /// installation.
    public func chargeLines(_ period: Period, account: String? = nil) throws(StoreError) -> [ChargeLine] {
        let lines = try read { db in
            var sql = "SELECT \(StoredRows.chargeLineColumns) FROM charge_lines WHERE period = ?"
            var arguments: StatementArguments = [period.code]
            if let account { sql += " AND account_id = ?"; arguments += [account] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY account_id, seq", arguments: arguments).map(StoredRows.chargeLine)
        }
        return lines.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.accountID != y.accountID { return x.accountID < y.accountID }
            if x.serviceID != y.serviceID { return x.serviceID < y.serviceID }
            if x.kind != y.kind { return kindOrder(x.kind) < kindOrder(y.kind) }
            if x.refPeriod != y.refPeriod { return x.refPeriod < y.refPeriod }
            if x.zone != y.zone { return x.zone < y.zone }
            if x.component != y.component { return x.component < y.component }
            if (x.installation ?? "") != (y.installation ?? "") { return (x.installation ?? "") < (y.installation ?? "") }
            return a.offset < b.offset
        }.map(\.element)
    }

    private func kindOrder(_ kind: ChargeKind) -> Int { ChargeKind.allCases.firstIndex(of: kind) ?? 0 }

    /// The balances of `period` (optionally of one account), ordered by account.
    public func balances(_ period: Period, account: String? = nil) throws(StoreError) -> [(accountID: String, balance: AccountBalance)] {
        try read { db in
            var sql = "SELECT \(StoredRows.balanceColumns), account_id FROM balances WHERE period = ?"
            var arguments: StatementArguments = [period.code]
            if let account { sql += " AND account_id = ?"; arguments += [account] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY account_id", arguments: arguments).map {
                (accountID: $0[5] as String, balance: StoredRows.balance($0))
            }
        }
    }

    /// The payments the close of `period` posted (optionally of one account), ordered by account,
    /// date and payment id.
    public func postedPayments(_ period: Period, account: String? = nil) throws(StoreError) -> [Payment] {
        try read { db in
            var sql = """
                SELECT p.payment_id, p.account_id, p.date, p.amount, p.source, p.period FROM posted_payments pp JOIN payments p ON p.payment_id = pp.payment_id WHERE pp.period = ?
                """
            var arguments: StatementArguments = [period.code]
            if let account { sql += " AND pp.account_id = ?"; arguments += [account] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY p.account_id, p.date, p.payment_id", arguments: arguments)
                .map(StoredRows.payment)
        }
    }
}
