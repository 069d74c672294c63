import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// Payments indexed by the month of their date first (`PaymentMonths`): migration
/// `v20-payments-by-month` on a database indexing them by account first, and the close reading an
/// account's payments month by month.
@Suite struct PaymentMonthsTests {
    /// A database at `v19-readings-by-quarter` (payments indexed by account first) holding two
    /// accounts' payments over four months, inserted out of order; then opened by this raschet.
    static func migratedStore(in folder: TemporaryFolder) throws -> Store {
        try storeMigrated(after: "v19-readings-by-quarter", holding: """
            INSERT INTO accounts (account_id, kind, name, address, email_confirmed, e_receipt)
            VALUES ('4102738516', 'person', 'Иванова', 'кв. 118', 0, 0), ('4102738517', 'person', 'Петров', 'кв. 119', 0, 0);
            INSERT INTO payments (payment_id, account_id, date, amount, source, period) VALUES
                ('SB-11', '4102738516', '2026-11-02', 100000, 'Сбербанк', '2026-10'),
                ('SB-08', '4102738516', '2026-08-25', 250000, 'Сбербанк', NULL),
                ('PR-10', '4102738517', '2026-10-31', 70000, 'Почта', NULL),
                ('SB-10', '4102738516', '2026-10-05', 300000, NULL, '2026-09'),
                ('KA-10', '4102738516', '2026-10-05', -5000, 'Касса', NULL),
                ('SB-09', '4102738516', '2026-09-30', 260000, NULL, NULL);
            """, in: folder)
    }

    @Test func theMigrationIndexesThePaymentsByMonthFirst() throws {
        let folder = try TemporaryFolder("raschet-payment-months")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        #expect(try store.contents(of: .payments) == [
            ["KA-10", "4102738516", "2026-10-05", "-5000", "Касса", "∅"],
            ["PR-10", "4102738517", "2026-10-31", "70000", "Почта", "∅"],
            ["SB-08", "4102738516", "2026-08-25", "250000", "Сбербанк", "∅"],
            ["SB-09", "4102738516", "2026-09-30", "260000", "∅", "∅"],
            ["SB-10", "4102738516", "2026-10-05", "300000", "∅", "2026-09"],
            ["SB-11", "4102738516", "2026-11-02", "100000", "Сбербанк", "2026-10"],
        ])
        let (indexes, key, entries, earliest, check) = try store.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('payments') ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('payments_by_month')"),
             try String.fetchAll(db, sql: """
                SELECT month || ' ' || account_id || ' ' || payment_id FROM payments INDEXED BY payments_by_month WHERE month >= ''
                """),
             try PaymentMonths.earliest(db),
             try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(indexes == ["payments_by_month", "sqlite_autoindex_payments_1"])
        #expect(key == ["month", "account_id", "date"])
        #expect(entries == ["2026-08 4102738516 SB-08", "2026-09 4102738516 SB-09", "2026-10 4102738516 KA-10",
                            "2026-10 4102738516 SB-10", "2026-10 4102738517 PR-10", "2026-11 4102738516 SB-11"])
        #expect(earliest == Period(year: 2026, month: 8))
        #expect(check == ["ok"])
    }

    /// An account's first close reads its payments of every month from the earliest stored one's
    /// through the period, in date order, and none dated after it; the other account's are its own.
    @Test func aFirstCloseReadsEveryMonthsPaymentsThroughItsPeriod() throws {
        let folder = try TemporaryFolder("raschet-payment-months")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        let october = Period(year: 2026, month: 10)!
        let reference = try store.closeReference(for: october)
        #expect(reference.earliestPayment == Period(year: 2026, month: 8))
        let inputs = try store.openCloseInputReader().inputs(for: ["4102738516", "4102738517"], period: october,
                                                            reference: reference)
        #expect(inputs.map { $0.payments.map(\.id) } == [["SB-08", "SB-09", "KA-10", "SB-10"], ["PR-10"]])
        #expect(inputs[0].payments.map(\.amount.kopecks) == [250_000, 260_000, -5_000, 300_000])
    }
}
