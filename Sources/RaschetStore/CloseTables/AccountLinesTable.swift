import GRDB
public import RaschetCore

/// `account_lines`: the lines each close posted (`period` = the close), one row per account with
/// lines, holding all of them in posting order (`PackedChargeLines`) and the sum of their gross
/// amounts (`gross`, the receipts' history of charges). A close writes about ten lines per account;
/// one row each took SQLite most of the close's saving (Benchmarks/JOURNAL.md, "The close's lines stored one
/// row per account").
enum AccountLinesTable {
    static let definition = """
        CREATE TABLE account_lines (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, gross INTEGER NOT NULL,
            lines BLOB NOT NULL,
            PRIMARY KEY (period, account_id)
        ) WITHOUT ROWID;
        """

    /// The lines of a close of `period` for the accounts `first...last` (bind: first, last, period):
    /// the account id, then the packed lines.
    static let rangeQuery = """
        SELECT account_id, lines FROM account_lines WHERE account_id BETWEEN ? AND ? AND period = ?
        ORDER BY period, account_id
        """

    /// Inserts the lines of a batch of a close's outcomes, one row per account with lines (parked
    /// accounts have none), many rows per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], period: Period, into db: Database) throws {
        let code = period.code
        var packed: [UInt8] = []
        let insert = try ManyRowInsert<Int>(
            db, table: "account_lines", columns: ["period", "account_id", "gross", "lines"]) { index, b in
            let outcome = outcomes[index]
            packed.removeAll(keepingCapacity: true)
            PackedChargeLines.append(outcome.lines, period: period, to: &packed)
            // Each part is within ±`Money.limit` (the balance checked them): their sum fits.
            b.add(code); b.add(outcome.accountID)
            b.add(outcome.balance.charged.kopecks + outcome.balance.recalc.kopecks + outcome.balance.penalty.kopecks)
            b.add(bytes: packed)
        }
        try insert(outcomes.indices.lazy.filter { outcomes[$0].parked == nil && !outcomes[$0].lines.isEmpty })
    }

    /// The lines packed in `row`'s column `column`, of `accountID` posted in `period`.
    /// - Throws: `StoreError.Code.failed` when they are damaged.
    static func lines(_ row: StatementRow, column: Int, accountID: String, period: Period, path: String) throws(StoreError)
        -> [ChargeLine] {
        guard let lines = row.withBlob(column, { PackedChargeLines.lines($0, accountID: accountID, period: period) }) else {
            throw StoreError(.failed, .damagedLines(path, account: accountID, period: period))
        }
        return lines
    }

    /// Export order: by account, service, kind (charge, recalc, penalty), reference period, zone,
    /// then component and installation; lines equal in all of these keep their posting order.
    static func exportOrder(_ lines: [ChargeLine]) -> [ChargeLine] {
        func kindOrder(_ kind: ChargeKind) -> Int { ChargeKind.allCases.firstIndex(of: kind) ?? 0 }
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
}

extension Store {
    /// The lines posted by the close of `period` (optionally of one account), in export order (see
    /// `AccountLinesTable.exportOrder`).
    public func chargeLines(_ period: Period, account: String? = nil) throws(StoreError) -> [ChargeLine] {
        var lines: [ChargeLine] = []
        do {
            try eachChargeLine(period, account: account, closedOnly: false) { lines.append($0) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.databaseOperation(path, .read), cause: error)
        }
        return lines
    }
}

extension Store {
    /// The lines posted by the close of `period` (optionally of one account) handed to `body` one by
    /// one in export order, read through one cursor in one read transaction: memory holds one
    /// account's lines, whatever the size of the center.
    /// - Throws: `StoreError` when the database fails, the lines are damaged or the period is not
    ///   closed (reopened since the caller looked); `body`'s errors unchanged.
    public func forEachChargeLine(_ period: Period, account: String? = nil, _ body: (ChargeLine) throws -> Void) throws {
        try eachChargeLine(period, account: account, closedOnly: true, body)
    }

    private func eachChargeLine(_ period: Period, account: String?, closedOnly: Bool, _ body: (ChargeLine) throws -> Void) throws {
        var sql = "SELECT account_id, lines FROM account_lines WHERE period = ?"
        if account != nil { sql += " AND account_id = ?" }
        func read(_ db: Database) throws {
            let rows = try StatementRows(db, sql: sql + " ORDER BY account_id", context: .databaseOperation(path, .read))
            try rows.forEach({ binder in
                binder.add(period.code)
                if let account { binder.add(account) }
            }) { row in
                let lines = try AccountLinesTable.lines(row, column: 1, accountID: row.text(0), period: period, path: path)
                for line in AccountLinesTable.exportOrder(lines) { try body(line) }
            }
        }
        if closedOnly { try streamingClosed(period, read) } else { try streaming(read) }
    }
}
