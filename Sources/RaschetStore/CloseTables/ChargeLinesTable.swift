import GRDB
public import RaschetCore

/// `charge_lines`: every line posted by a close (`period` = the close, `ref_period` = the period the
/// line is for), in the order the rules produced them (`seq`). Rows decode with
/// `StoredRows.chargeLine` from `StoredRows.chargeLineColumns`.
enum ChargeLinesTable {
    static let definition = """
        CREATE TABLE charge_lines (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, seq INTEGER NOT NULL,
            service_id TEXT NOT NULL, supplier_id TEXT NOT NULL, kind TEXT NOT NULL, ref_period TEXT NOT NULL,
            zone TEXT NOT NULL, component TEXT NOT NULL, basis TEXT NOT NULL, quantity INTEGER NOT NULL,
            unit TEXT NOT NULL, price INTEGER NOT NULL, vat_mode TEXT NOT NULL, vat_rate INTEGER NOT NULL,
            net INTEGER NOT NULL, vat INTEGER NOT NULL, gross INTEGER NOT NULL, installation TEXT,
            PRIMARY KEY (period, account_id, seq)
        ) WITHOUT ROWID;
        """

    /// The lines a close of `period` posted for the accounts `first...last` (bind: first, last, period),
    /// grouped by account, in posting order.
    static let rangeQuery = """
        SELECT \(StoredRows.chargeLineColumns) FROM charge_lines WHERE account_id BETWEEN ? AND ? AND period = ?
        ORDER BY period, account_id, seq
        """

    /// Inserts the lines of a batch of a close's outcomes, each account's numbered from 0 in the
    /// order the rules produced them (parked accounts have none), many rows per statement.
    static func insert(_ outcomes: [AccountCloseOutcome], period: Period, into db: Database) throws {
        let code = period.code
        let insert = try ManyRowInsert<(outcome: Int, seq: Int)>(
            db, table: "charge_lines", columns: ["period", "account_id", "seq"] + StoredRows.chargeLineInsertColumns) { row, b in
            let line = outcomes[row.outcome].lines[row.seq]
            b.add(code); b.add(outcomes[row.outcome].accountID); b.add(row.seq); b.add(line.serviceID); b.add(line.supplierID)
            b.add(line.kind.rawValue); b.add(line.refPeriod == period ? code : line.refPeriod.code); b.add(line.zone.rawValue)
            b.add(line.component.rawValue); b.add(line.basis.rawValue); b.add(line.quantity); b.add(line.unit)
            b.add(line.price); b.add(line.vatMode.rawValue); b.add(line.vatRate); b.add(line.net.kopecks)
            b.add(line.vat.kopecks); b.add(line.gross.kopecks); b.add(line.installation)
        }
        try insert(ManyRowInsert.rows(of: outcomes) { outcomes[$0].lines.count })
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
    /// `ChargeLinesTable.exportOrder`).
    public func chargeLines(_ period: Period, account: String? = nil) throws(StoreError) -> [ChargeLine] {
        let lines = try read { db in
            var sql = "SELECT \(StoredRows.chargeLineColumns) FROM charge_lines WHERE period = ?"
            var arguments: StatementArguments = [period.code]
            if let account { sql += " AND account_id = ?"; arguments += [account] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY account_id, seq", arguments: arguments).map(StoredRows.chargeLine)
        }
        return ChargeLinesTable.exportOrder(lines)
    }
}

extension Store {
    /// The lines posted by the close of `period` (optionally of one account) handed to `body` one by
    /// one in export order, read through one cursor in one read transaction: memory holds one
    /// account's lines, whatever the size of the center.
    /// - Throws: `StoreError` when the database fails; `body`'s errors unchanged.
    public func forEachChargeLine(_ period: Period, account: String? = nil, _ body: (ChargeLine) throws -> Void) throws {
        var sql = "SELECT \(StoredRows.chargeLineColumns) FROM charge_lines WHERE period = ?"
        if account != nil { sql += " AND account_id = ?" }
        try streaming { db in
            var accountLines: [ChargeLine] = []
            func flush() throws {
                for line in ChargeLinesTable.exportOrder(accountLines) { try body(line) }
                accountLines.removeAll(keepingCapacity: true)
            }
            let rows = try StatementRows(db, sql: sql + " ORDER BY account_id, seq", context: .databaseOperation(path, .read))
            try rows.forEach({ binder in
                binder.add(period.code)
                if let account { binder.add(account) }
            }) { row in
                let line = StoredRows.chargeLine(row)
                if let previous = accountLines.last, previous.accountID != line.accountID { try flush() }
                accountLines.append(line)
            }
            try flush()
        }
    }
}
