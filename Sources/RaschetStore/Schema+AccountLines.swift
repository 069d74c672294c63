import Foundation
import GRDB
import RaschetCore

extension Schema {
    /// `charge_lines` as the monthly close's first schema (`v2-monthly-close`) made it: one row per line.
    /// Migration `v6-close-fingerprints` fills its tables from it; `v8-account-lines` replaces it.
    static let rowPerLineChargeLines = """
        CREATE TABLE charge_lines (
            period TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts, seq INTEGER NOT NULL,
            service_id TEXT NOT NULL, supplier_id TEXT NOT NULL, kind TEXT NOT NULL, ref_period TEXT NOT NULL,
            zone TEXT NOT NULL, component TEXT NOT NULL, basis TEXT NOT NULL, quantity INTEGER NOT NULL,
            unit TEXT NOT NULL, price INTEGER NOT NULL, vat_mode TEXT NOT NULL, vat_rate INTEGER NOT NULL,
            net INTEGER NOT NULL, vat INTEGER NOT NULL, gross INTEGER NOT NULL, installation TEXT,
            PRIMARY KEY (period, account_id, seq)
        ) WITHOUT ROWID;
        """

    /// Migration `v8-account-lines`: the lines of `charge_lines` (one row per line) packed into
    /// `account_lines` (one row per close and account, `AccountLinesTable`), every line kept with its
    /// values and posting order; then `charge_lines` is dropped.
    static func registerAccountLines(in migrator: inout DatabaseMigrator) {
        // Foreign keys checked as the rows go in: a deferred check would scan every table of the
        // database (`PRAGMA foreign_key_check`), a second per 10^5 accounts.
        migrator.registerMigration("v8-account-lines", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: AccountLinesTable.definition)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT account_id, period, service_id, supplier_id, kind, ref_period, zone, component, basis, quantity, unit,
                       price, vat_mode, vat_rate, net, vat, gross, installation
                FROM charge_lines ORDER BY period, account_id, seq
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO account_lines (period, account_id, gross, lines) VALUES (?, ?, ?, ?)")
            var lines: [ChargeLine] = []
            func flush() throws {
                guard let first = lines.first else { return }
                var packed: [UInt8] = []
                PackedChargeLines.append(lines, period: first.period, to: &packed)
                var gross: Int64 = 0
                for line in lines { gross = try adding(line, to: gross) }
                try insert.execute(arguments: [first.period.code, first.accountID, gross, Data(packed)])
                lines.removeAll(keepingCapacity: true)
            }
            while let row = try rows.next() {
                let line = try rowPerLine(row)
                if let last = lines.last, last.accountID != line.accountID || last.period != line.period { try flush() }
                lines.append(line)
            }
            try flush()
            try db.execute(sql: "DROP TABLE charge_lines")
        }
    }

    /// A line of `charge_lines` as `v2-monthly-close` stored it, in the columns of the migration's query;
    /// one whose net and VAT do not add up to its gross fails the migration, which then changes nothing.
    private static func rowPerLine(_ row: Row) throws -> ChargeLine {
        func period(_ column: Int) -> Period { StoredRows.period(row[column] as String) }
        let (net, vat, gross): (Int64, Int64, Int64) = (row[14], row[15], row[16])
        guard net.addingReportingOverflow(vat) == (gross, false) else {
            throw StoreError(.failed, .damagedLines("charge_lines", account: row[0], period: period(1)))
        }
        return ChargeLine(accountID: row[0], serviceID: row[2], supplierID: row[3], period: period(1),
                          kind: ChargeKind(rawValue: row[4]) ?? .charge, refPeriod: period(5),
                          zone: Zone(rawValue: row[6]) ?? .single, component: ChargeComponent(rawValue: row[7]) ?? .base,
                          basis: ChargeBasis(rawValue: row[8]) ?? .fixed, quantity: ExactDecimal(micros: row[9]), unit: row[10],
                          price: ExactDecimal(micros: row[11]), vatMode: VATMode(rawValue: row[12]) ?? .included,
                          vatRate: ExactDecimal(micros: row[13]),
                          amounts: VATAmounts(net: Money(kopecks: net), vat: Money(kopecks: vat), gross: Money(kopecks: gross)),
                          installation: row[17])
    }

    /// `line.gross` added to `sum`; a sum beyond `Int64` (lines a close could not have stored: it checks
    /// every partial sum against `Money.limit`) fails the migration, which then changes nothing.
    private static func adding(_ line: ChargeLine, to sum: Int64) throws -> Int64 {
        let (result, overflow) = sum.addingReportingOverflow(line.gross.kopecks)
        guard !overflow else { throw StoreError(.failed, .damagedLines("charge_lines", account: line.accountID, period: line.period)) }
        return result
    }
}
