public import RaschetCore
import GRDB

extension Store {
    /// The turnover sheet's account blocks of the closed periods in `from...to`, for one account or
    /// the whole center, handed to `body` one by one in account order; accounts with no balance in
    /// those periods are left out. All is read in one read transaction, so a close or `reopen`
    /// running meanwhile changes nothing of what is read (the caller compares the periods returned
    /// with the ones it wrote in its header).
    ///
    /// Streaming: accounts are read in batches of `batchSize` by key (`account_id > last`), and per
    /// batch and period the balances and the lines (each line's service, kind and gross) by
    /// primary-key range (`period = ? AND account_id BETWEEN ? AND ?`), so at most one batch is held
    /// in memory whatever the number of accounts.
    /// - Returns: the closed periods of the range, ascending (empty: nothing to report).
    /// - Complexity: O(accounts + lines of the range), memory O(batchSize × lines per account).
    @discardableResult
    public func forEachTurnoverBlock(from: Period, to: Period, account: String? = nil, batchSize: Int = 2_000,
                                     _ body: (TurnoverSheet.AccountBlock) throws -> Void) throws -> [Period] {
        precondition(batchSize > 0, "batch size must be positive")
        var periods: [Period] = []
        try streaming { db in
            periods = try CloseRunsTable.closedPeriods(db).filter { from <= $0 && $0 <= to }
            guard !periods.isEmpty else { return }
            let names = try Self.serviceNames(db)
            let lines = try StatementRows(db, sql: AccountLinesTable.rangeQuery, context: .databaseOperation(path, .read))
            var after = ""
            while true {
                var sql = "SELECT account_id, name FROM accounts WHERE account_id > ?"
                var arguments: StatementArguments = [after]
                if let account { sql += " AND account_id = ?"; arguments += [account] }
                let accounts = try Row.fetchAll(db, sql: sql + " ORDER BY account_id LIMIT ?", arguments: arguments + [batchSize])
                    .map { (id: $0[0] as String, name: $0[1] as String) }
                guard let first = accounts.first?.id, let last = accounts.last?.id else { return }
                var balances: [String: [AccountBalance]] = [:]
                var sums: [String: [(serviceID: String, kind: ChargeKind, gross: Money, isPenalty: Bool)]] = [:]
                for period in periods {
                    let range: StatementArguments = [period.code, first, last]
                    for row in try Row.fetchAll(db, sql: """
                        SELECT \(StoredRows.balanceColumns), account_id FROM balances
                        WHERE period = ? AND account_id BETWEEN ? AND ?
                        """, arguments: range) {
                        balances[row[5], default: []].append(StoredRows.balance(row))
                    }
                    try lines.forEach({ $0.add(first); $0.add(last); $0.add(period.code) }) { row in
                        let accountID = row.text(0)
                        for line in try AccountLinesTable.lines(row, column: 1, accountID: accountID, period: period, path: path) {
                            sums[accountID, default: []].append((line.serviceID, line.kind, line.gross, PenaltyRecalculation.isPenalty(line)))
                        }
                    }
                }
                for account in accounts {
                    guard let own = balances[account.id] else { continue }
                    try body(TurnoverSheet.AccountBlock(accountID: account.id, name: account.name, balances: own,
                                                        sums: sums[account.id] ?? [], serviceNames: names))
                }
                after = last
            }
        }
        return periods
    }
}
