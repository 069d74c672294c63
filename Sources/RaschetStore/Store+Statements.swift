public import RaschetCore
import GRDB

extension Store {
    /// The periods whose close has finished, ascending.
    public func closedPeriods() throws(StoreError) -> [Period] {
        try read { db in try CloseRunsTable.closedPeriods(db) }
    }

    /// An account's closed history from `since` on, for its statements and certificates: every
    /// closed period from `since` through `through` in which the account has a balance, with its
    /// lines (export order) and posted payments, and the balance before `since`.
    ///
    /// Closed periods are never rewritten, so the separate reads below see one consistent history.
    /// - Throws: `StoreError.Code.refused` for an unknown account.
    /// - Complexity: O(closed periods + the account's lines and payments in the range); every read
    ///   is a primary-key lookup.
    public func accountLedger(_ accountID: String, since: Period, through: Period) throws(StoreError) -> AccountLedger {
        let account = try knownAccount(accountID)
        let closed = try closedPeriods()
        var opening = Money.zero
        for period in closed.reversed() where period < since {
            if let balance = try balances(period, account: accountID).first?.balance {
                opening = balance.closing
                break
            }
        }
        var entries: [AccountLedger.PeriodEntry] = []
        for period in closed where since <= period && period <= through {
            guard let balance = try balances(period, account: accountID).first?.balance else { continue }
            entries.append(AccountLedger.PeriodEntry(period: period, balance: balance,
                                                     lines: try chargeLines(period, account: accountID),
                                                     payments: try postedPayments(period, account: accountID)))
        }
        return AccountLedger(account: account, since: since, openingBalance: opening, periods: entries,
                             lastClosed: closed.last, serviceNames: try serviceNames())
    }

    /// The stored account `accountID`.
    /// - Throws: `StoreError.Code.refused` when there is none.
    public func knownAccount(_ accountID: String) throws(StoreError) -> Account {
        guard let account = try read({ db in
            try Row.fetchOne(db, sql: "SELECT \(StoredRows.accountColumns) FROM accounts WHERE account_id = ?",
                             arguments: [accountID]).map(StoredRows.account)
        }) else {
            throw StoreError(.refused, .accountNotFound(accountID))
        }
        return account
    }

    /// Every service's name by its id.
    public func serviceNames() throws(StoreError) -> [String: String] {
        try read { db in try Self.serviceNames(db) }
    }

    static func serviceNames(_ db: Database) throws -> [String: String] {
        var names: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT service_id, name FROM services") { names[row[0]] = row[1] }
        return names
    }
}
