import Foundation
import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// Migration `v8-account-lines` on a database whose lines are still one row each in `charge_lines`
/// (made by a raschet before it), and damaged stored lines.
@Suite struct AccountLinesMigrationTests {
    static let september = Period(year: 2026, month: 9)!
    static let october = Period(year: 2026, month: 10)!

    /// A line of `charge_lines` as the old schema stored it: the values after `period, account_id, seq`.
    static func oldRow(_ period: String, _ account: String, _ seq: Int, _ service: String, _ kind: String,
                       _ refPeriod: String, _ component: String, _ quantity: Int64, _ gross: Int64,
                       installation: String? = nil) -> StatementArguments {
        [period, account, seq, service, "VOD", kind, refPeriod, "single", component, "reading", quantity, "м³", 52_340_000,
         "included", 20_000_000, gross - gross / 6, gross / 6, gross, installation]
    }

    /// A database at migration `v5-forced-readings` (before the close's fingerprints) with two accounts'
    /// lines of two closes, inserted out of order; then opened by this raschet.
    static func migratedStore(in folder: TemporaryFolder) throws -> Store {
        let path = folder.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v5-forced-readings")
        try queue.write { db in
            for id in ["4102738516", "4102738517"] {
                try db.execute(sql: """
                    INSERT INTO accounts (account_id, kind, name, address, email_confirmed, e_receipt)
                    VALUES (?, 'person', 'Иванова', 'кв. 118', 0, 0)
                    """, arguments: [id])
            }
            let insert = "INSERT INTO charge_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            for row in [
                oldRow("2026-10", "4102738516", 1, "HVS", "recalc", "2026-09", "base", -1_000_000, -5_234),
                oldRow("2026-09", "4102738517", 0, "HVS", "charge", "2026-09", "base", 3_000_000, 15_702),
                oldRow("2026-10", "4102738516", 0, "HVS", "charge", "2026-10", "base", 5_000_000, 26_170),
                oldRow("2026-09", "4102738516", 0, "HVS", "charge", "2026-09", "base", 4_000_000, 20_936, installation: "ИПУ-1"),
                oldRow("2026-10", "4102738516", 2, "PEN", "penalty", "2026-09", "penalty", 1_000_000, 17),
            ] {
                try db.execute(sql: insert, arguments: row)
            }
        }
        return try Store.open(at: path)
    }

    static func line(_ period: Period, _ account: String, _ service: String, _ kind: ChargeKind, _ refPeriod: Period,
                     _ component: ChargeComponent, _ quantity: Int64, _ gross: Int64, installation: String? = nil) -> ChargeLine {
        ChargeLine(accountID: account, serviceID: service, supplierID: "VOD", period: period, kind: kind, refPeriod: refPeriod,
                   component: component, basis: .reading, quantity: ExactDecimal(micros: quantity), unit: "м³",
                   price: ExactDecimal(micros: 52_340_000), vatMode: .included, vatRate: ExactDecimal(micros: 20_000_000),
                   amounts: VATAmounts(net: Money(kopecks: gross - gross / 6), vat: Money(kopecks: gross / 6), gross: Money(kopecks: gross)),
                   installation: installation)
    }

    @Test func everyLineIsKeptInItsCloseAndPostingOrderAndTheOldTableIsGone() throws {
        let folder = try TemporaryFolder("raschet-migration")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        let (september, october) = (Self.september, Self.october)

        let queue = try DatabaseQueue(path: folder.path("old.sqlite"))
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT period, account_id, gross, lines FROM account_lines ORDER BY period, account_id").map { row in
                let bytes: Data = row[3]
                let period = StoredRows.period(row[0] as String)
                let lines = bytes.withUnsafeBytes { PackedChargeLines.lines($0, accountID: row[1], period: period) }
                return "\(row[0] as String) \(row[1] as String) \(row[2] as Int64) \(lines?.count ?? -1)"
            }
        }
        // Gross sums: 209.36; 157.02; 261.70 − 52.34 + 0.17 = 209.53.
        #expect(stored == ["2026-09 4102738516 20936 1", "2026-09 4102738517 15702 1", "2026-10 4102738516 20953 3"])
        #expect(try queue.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'charge_lines')") } == false)

        // Posting order within the account (seq 0, 1, 2), as the next close's recalculations read them.
        let reader = try store.openCloseInputReader()
        let reference = CloseReference(services: [], tariffs: [], keyRates: [], earlierPeriods: ["2026-09", "2026-10"],
                                       marksEveryAccount: false)
        var inputs = try reader.inputs(for: ["4102738516"], period: Period(year: 2026, month: 11)!, reference: reference,
                                       allEarlierLines: false)
        try reader.addEarlierLines([.all], to: &inputs, reference: reference)
        #expect(inputs[0].earlier == [
            Self.line(september, "4102738516", "HVS", .charge, september, .base, 4_000_000, 20_936, installation: "ИПУ-1"),
            Self.line(october, "4102738516", "HVS", .charge, october, .base, 5_000_000, 26_170),
            Self.line(october, "4102738516", "HVS", .recalc, september, .base, -1_000_000, -5_234),
            Self.line(october, "4102738516", "PEN", .penalty, september, .penalty, 1_000_000, 17),
        ])
        #expect(try store.chargeLines(september) == [
            Self.line(september, "4102738516", "HVS", .charge, september, .base, 4_000_000, 20_936, installation: "ИПУ-1"),
            Self.line(september, "4102738517", "HVS", .charge, september, .base, 3_000_000, 15_702),
        ])
        // The fingerprints and debts of migration v6 were filled from the old table before it went.
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM close_fingerprints") } == 4)
        #expect(try queue.read { db in
            try String.fetchAll(db, sql: "SELECT period || ' ' || account_id || ' ' || amount FROM close_debts ORDER BY period, account_id")
        } == ["2026-09 4102738516 20936", "2026-09 4102738517 15702", "2026-10 4102738516 20936"])
    }

    @Test func damagedStoredLinesNameTheAccountAndThePeriod() throws {
        let folder = try TemporaryFolder("raschet-migration")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        let queue = try DatabaseQueue(path: folder.path("old.sqlite"))
        try queue.write { db in
            try db.execute(sql: "UPDATE account_lines SET lines = x'0102' WHERE account_id = '4102738517'")
        }
        let path = folder.path("old.sqlite")
        #expect(throws: StoreError.self) { try store.chargeLines(Self.september) }
        do {
            _ = try store.chargeLines(Self.september)
        } catch {
            #expect(error.code == .failed)
            #expect(error.message.english == "\(path): the lines the close of 2026-09 stored for account 4102738517 are damaged; "
                        + "restore the database from a backup")
        }
        #expect(try store.chargeLines(Self.october).count == 3)
    }
}
