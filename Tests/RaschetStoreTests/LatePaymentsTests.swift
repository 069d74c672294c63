import GRDB
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The marks of payments stored dated within a started close (`late_payments`), which tell a later
/// close which accounts may have a payment before its period not posted yet: kept by every import,
/// filled by the migration, and no longer counted once the payment is posted.
@Suite struct LatePaymentsTests {
    static let september = Period(year: 2026, month: 9)!
    static let october = CloseTablesTests.october

    static func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: 2026, month: month, day: day)! }

    static func payments(_ rows: (id: String, month: Int, day: Int)...) -> DataSet {
        var data = DataSet()
        data.payments = rows.map { Payment(id: $0.id, accountID: "4102738517", date: date($0.month, $0.day), amount: Money(kopecks: 1_000)) }
        return data
    }

    /// The two text columns of the rows `sql` selects from the test database, as "first second".
    static func pairs(_ folder: TemporaryFolder, _ sql: String) throws -> [String] {
        let queue = try DatabaseQueue(path: folder.path("test.sqlite"))
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { "\($0[0] as String) \($0[1] as String)" }
        }
    }

    static func marks(_ folder: TemporaryFolder) throws -> [String] {
        try pairs(folder, "SELECT account_id, payment_id FROM late_payments ORDER BY account_id, payment_id")
    }

    /// Before any close nothing is marked; once October's close has started, a payment dated up to
    /// October 31 is, when it is stored and when a later import moves its date back into October.
    @Test func aPaymentDatedWithinAStartedCloseIsMarked() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        _ = try store.store(Self.payments(("A-1", 10, 5)))
        #expect(try Self.marks(folder) == [])

        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        _ = try store.store(Self.payments(("A-2", 10, 31), ("A-3", 11, 1), ("A-4", 9, 2)))
        #expect(try Self.marks(folder) == ["4102738517 A-2", "4102738517 A-4"])
        _ = try store.store(Self.payments(("A-3", 10, 15)))
        #expect(try Self.marks(folder) == ["4102738517 A-2", "4102738517 A-3", "4102738517 A-4"])
    }

    /// An import of more late payments than one insert takes marks them all.
    @Test func everyLatePaymentOfALargeImportIsMarked() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        var data = DataSet()
        data.payments = (1...5_000).map {
            Payment(id: "B-\($0)", accountID: "4102738517", date: Self.date(10, 1 + $0 % 30), amount: Money(kopecks: 100))
        }
        _ = try store.store(data)
        #expect(try Self.marks(folder).count == 5_000)
    }

    /// A database of the schema before the migration: the payments not posted yet dated up to the end
    /// of the latest started close are marked, a posted one and a later one are not.
    @Test func theMigrationMarksTheUnpostedPaymentsOfStartedCloses() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        try store.saveClose([CloseTablesTests.closed()], period: Self.october)
        _ = try store.store(Self.payments(("A-1", 10, 20), ("A-2", 11, 3)))
        let queue = try DatabaseQueue(path: folder.path("test.sqlite"))
        try queue.write { db in
            try db.execute(sql: "DROP TABLE late_payments; DELETE FROM grdb_migrations WHERE identifier = 'v11-late-payments'")
        }
        try queue.close()
        _ = try Store.open(at: folder.path("test.sqlite"))
        #expect(try Self.marks(folder) == ["4102738517 A-1"])
    }

    /// A late payment (S-2, dated September 28) makes October's reader read the account's payments
    /// from September 1 on, September's totals less S-1 standing for S-0 (August 20); October's close
    /// posts it and deletes its mark (and O-1's, marked as stored within the started close), so only
    /// October's are read; reopening October marks S-2 again, and the reader finds it again.
    @Test func aMarkCountsUntilItsPaymentIsPosted() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        _ = try store.store(Self.payments(("S-0", 8, 20), ("S-1", 9, 10)))
        let account = "4102738517"
        func closed(_ payments: [String], count: Int) -> AccountCloseOutcome {
            AccountCloseOutcome(accountID: account, lines: [],
                                balance: AccountBalance(opening: .zero, charged: .zero, recalc: .zero, penalty: .zero,
                                                        paid: Money(kopecks: 1_000 * Int64(payments.count))),
                                postedPayments: payments, flags: [],
                                paymentsToDate: PaymentTotals(count: count, amount: Money(kopecks: 1_000 * Int64(count))), parked: nil)
        }
        try store.startCloseRun(Self.september, rulesDigest: 1, terms: nil)
        try store.saveClose([closed(["S-0", "S-1"], count: 2)], period: Self.september)
        try store.finishCloseRun(Self.september)
        try store.startCloseRun(Self.october, rulesDigest: 1, terms: nil)
        _ = try store.store(Self.payments(("S-2", 9, 28), ("O-1", 10, 4)))
        #expect(try Self.marks(folder) == ["4102738517 O-1", "4102738517 S-2"])

        func octoberInputs() throws -> AccountCloseInput {
            let reader = try store.openCloseInputReader()
            let reference = try store.closeReference(for: Self.october)
            return try reader.inputs(for: [account], period: Self.october, reference: reference, allEarlierLines: false)[0]
        }
        var input = try octoberInputs()
        #expect(input.earlierPayments == PaymentTotals(count: 1, amount: Money(kopecks: 1_000)))
        #expect(input.payments.map(\.id) == ["S-1", "S-2", "O-1"])
        #expect(input.newPayments.map(\.id) == ["S-2", "O-1"])
        #expect(input.settledDebts == nil)

        try store.saveClose([closed(["S-2", "O-1"], count: 4)], period: Self.october)
        #expect(try Self.marks(folder) == [])
        // Read again as an interrupted run would (the account is done, so it would not be): the
        // marks' payments are posted now, and September's totals stand for S-0 and S-1.
        input = try octoberInputs()
        #expect(input.earlierPayments == PaymentTotals(count: 2, amount: Money(kopecks: 2_000)))
        #expect(input.payments.map(\.id) == ["O-1"])

        try store.finishCloseRun(Self.october)
        #expect(try store.reopen(Self.october) == nil)
        #expect(try Self.marks(folder) == ["4102738517 S-2"])
        input = try octoberInputs()
        #expect(input.earlierPayments == PaymentTotals(count: 1, amount: Money(kopecks: 1_000)))
        #expect(input.payments.map(\.id) == ["S-1", "S-2", "O-1"])
        #expect(input.newPayments.map(\.id) == ["S-2", "O-1"])
    }
}
