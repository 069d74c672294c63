import Foundation
import RaschetClose
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The store's receipt queries on a small period closed by the close module: print order, parked accounts, one account's inputs.
@Suite struct ReceiptInputsTests {
    static let october = Period(parsing: "2026-10")!

    /// Five accounts with a fixed 100.00 service (routes and addresses out of id order), and P1 whose
    /// service has no tariff (parked), and what `more` adds, closed for 2026-10, in `folder`.
    static func closedStore(in folder: TemporaryFolder, adding more: (inout DataSet) -> Void = { _ in }) throws -> Store {
        let store = try MonthlyCloseTests.store(in: folder)
        var data = DataSet()
        data.suppliers = [Supplier(id: "ERC", name: "ЕРЦ", inn: "3525417791")]
        data.services = [Service(id: "FIX", name: "Обслуживание", unit: "шт", supplierID: "ERC", method: .fixed),
                         Service(id: "NOTAR", name: "Без тарифа", unit: "шт", supplierID: "ERC", method: .fixed)]
        data.tariffs = [Tariff(serviceID: "FIX", validFrom: CivilDate(year: 2026, month: 1, day: 1)!, price: ExactDecimal(100))]
        let accounts: [(String, String?, String)] = [
            ("A1", "R2", "ул. Б, 1"), ("A2", "R1", "ул. В, 3"), ("A3", "R1", "ул. А, 9"), ("A4", nil, "ул. А, 1"),
            ("A5", "R1", "ул. А, 9"), ("P1", "R1", "ул. А, 2"), ("E1", "R1", "ул. А, 1"),
        ]
        data.accounts = accounts.map {
            Account(id: $0.0, kind: .person, name: "Плательщик", address: $0.2,
                    email: $0.0 == "E1" ? "e1@example.ru" : nil, emailConfirmed: $0.0 == "E1", eReceipt: $0.0 == "E1",
                    deliveryRoute: $0.1)
        }
        let start = CivilDate(year: 2026, month: 1, day: 1)!
        data.accountServices = accounts.map { AccountService(accountID: $0.0, serviceID: $0.0 == "P1" ? "NOTAR" : "FIX", validFrom: start) }
        data.payments = [Payment(id: "OP-1", accountID: "A2", date: CivilDate(year: 2026, month: 10, day: 5)!, amount: Money(kopecks: 4_000))]
        more(&data)
        _ = try store.store(data)
        _ = try MonthlyClose(store: store, period: october, rules: .legalDefaults).run()
        return store
    }

    @Test func paperAccountsComeInRouteThenAddressOrderWithoutRouteLastThenEReceiptsAndParkedApart() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStore(in: folder)
        let plan = try store.receiptPlan(Self.october)
        // R1: ул. А, 9 (A3, then A5 by id), ул. В, 3 (A2); R2: A1; no route: A4; then the e-receipt E1,
        // although its route and address come first.
        #expect(plan.accountIDs == ["A3", "A5", "A2", "A1", "A4", "E1"])
        #expect(plan.parked.map(\.accountID) == ["P1"])
        #expect(try store.receiptPlan(Self.october, accounts: ["A4", "A1"]).accountIDs == ["A1", "A4"])
        #expect(throws: StoreError.self) { try store.receiptPlan(Self.october, accounts: ["A9"]) }
        #expect(throws: StoreError.self) { try store.receiptPlan(Period(parsing: "2026-11")!) }
    }

    /// A receipt shows the area and residents its period was billed with: a change from November, and
    /// one from October imported after October's close (which the next close recalculates), leave
    /// October's receipt as it was (no area, no residents).
    @Test func aReceiptShowsTheAreaAndResidentsItsPeriodWasBilledWith() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStore(in: folder)
        func changed(area: Int, from: String) throws {
            var data = DataSet()
            data.accounts = [Account(id: "A1", kind: .person, name: "Плательщик", address: "ул. Б, 1", area: ExactDecimal(area),
                                     residents: 2, deliveryRoute: "R2", changedFrom: Period(parsing: from))]
            _ = try store.store(data)
        }
        try changed(area: 40, from: "2026-11")
        let before = try #require(try store.receiptInputs(Self.october, accountIDs: ["A1"]).first)
        #expect(before.account.area == nil && before.account.residents == nil)
        try changed(area: 42, from: "2026-10")
        let after = try #require(try store.receiptInputs(Self.october, accountIDs: ["A1"]).first)
        #expect(after.account.area == nil && after.account.residents == nil)
        #expect(after.account.name == "Плательщик" && after.account.deliveryRoute == "R2")
    }

    @Test func oneAccountsInputsHoldItsLinesBalancePaymentsAndHistory() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStore(in: folder)
        let inputs = try store.receiptInputs(Self.october, accountIDs: ["A2", "A1"])
        #expect(inputs.map(\.account.id) == ["A2", "A1"])
        let a2 = inputs[0]
        // Fixed service: 1 × 100.00 = 100.00 gross (VAT included); 40.00 paid on 2026-10-05.
        #expect(a2.lines.map(\.gross) == [Money(kopecks: 10_000)])
        #expect(a2.balance == AccountBalance(opening: .zero, charged: Money(kopecks: 10_000), recalc: .zero, penalty: .zero,
                                             paid: Money(kopecks: 4_000)))
        #expect(a2.payments.map(\.id) == ["OP-1"] && inputs[1].payments.isEmpty)
        #expect(a2.history == [ReceiptContent.HistoryPoint(period: Self.october, charged: Money(kopecks: 10_000))])
        #expect(throws: StoreError.self) { try store.receiptInputs(Self.october, accountIDs: ["P1"]) }
    }

    /// October's receipt reads the readings from 26 June on (`ReceiptContent.readingsFrom`): A2's meter,
    /// read every month, has its September reading among them; A1's, unread from May to September, has
    /// none before October's, and its whole history gives the previous reading of 20 April. Either way
    /// the receipt's meter rows are those of the whole history.
    static func date(_ month: Int, _ day: Int) -> CivilDate { CivilDate(year: 2026, month: month, day: day)! }

    /// A1's meter MA1, read in March, April and October; A2's MA2, read every month from May to October.
    static func addMeters(_ data: inout DataSet) {
        data.meters = [Meter(id: "MA1", accountID: "A1", serviceID: "FIX"), Meter(id: "MA2", accountID: "A2", serviceID: "FIX")]
        data.readings = [3, 4, 10].map { Reading(meterID: "MA1", date: date($0, 20), value: ExactDecimal($0 * 10)) }
            + (5...10).map { Reading(meterID: "MA2", date: date($0, 20), value: ExactDecimal($0 * 100)) }
    }

    /// `closedStore` with `addMeters`' meters and a tariff for P1's service: none parked.
    static func closedStoreWithMeters(in folder: TemporaryFolder) throws -> Store {
        try closedStore(in: folder) { data in
            addMeters(&data)
            data.tariffs.append(Tariff(serviceID: "NOTAR", validFrom: date(1, 1), price: ExactDecimal(1)))
        }
    }

    @Test func aReceiptReadsItsReadingsFromABoundAndWholeWhereThatFallsShort() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStore(in: folder, adding: Self.addMeters)
        func date(_ month: Int, _ day: Int) -> CivilDate { Self.date(month, day) }
        let window = BillingRules.legalDefaults.readingWindow
        let from = ReceiptContent.readingsFrom(Self.october, window: window)
        #expect(from == date(6, 26))

        let bounded = try store.receiptInputs(Self.october, accountIDs: ["A1", "A2"], readingsFrom: from)
        #expect(bounded[0].readings.map(\.date) == [date(10, 20)])
        #expect(bounded[1].readings.map(\.date).sorted() == [date(7, 20), date(8, 20), date(9, 20), date(10, 20)])
        #expect(!ReceiptContent.readingsSuffice(bounded[0], window: window))
        #expect(ReceiptContent.readingsSuffice(bounded[1], window: window))

        let whole = try store.receiptReadings(of: bounded[0].meters, closed: Self.october)
        #expect(whole.keys.sorted() == ["A1"])
        #expect(whole["A1"]?.map(\.date).sorted() == [date(3, 20), date(4, 20), date(10, 20)])

        let all = try store.receiptInputs(Self.october, accountIDs: ["A1", "A2"])
        var read = bounded
        read[0].readings = whole["A1"] ?? []
        let reference = try store.receiptReference()
        func rows(_ input: ReceiptInput) throws -> [ReceiptContent.MeterReadingRow] {
            try ReceiptContent(input: input, number: DocumentNumber(year: 2026, sequence: 1),
                               payee: Organization(name: "ЕРЦ", inn: "3525417791", bankName: "Банк", bic: "041909644",
                                                   correspondentAccount: "30101810900000000644", account: "40702810912000034517"),
                               suppliers: reference.suppliers, services: reference.services,
                               terms: try BillingRules.legalDefaults.receiptTerms(for: input.period)).readings
        }
        #expect(try rows(read[0]).map(\.previous) == [ExactDecimal(40)])
        #expect(try rows(read[1]).map(\.previous) == [ExactDecimal(900)])
        #expect(try read.map(rows) == all.map(rows))
    }

    /// Readings of October stored after its close (a late one imported, one changed, one submitted)
    /// leave October's receipt inputs as the close read them; after a reopen and a close again,
    /// October's receipt shows them. A late reading of a month before is read the same way.
    @Test func readingsStoredAfterTheCloseAreNotOnItsReceiptUntilItIsClosedAgain() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStore(in: folder, adding: Self.addMeters)
        func readings() throws -> [String: [String]] {
            let inputs = try store.receiptInputs(Self.october, accountIDs: ["A1", "A2"])
            return Dictionary(uniqueKeysWithValues: inputs.map { input in
                (input.account.id, input.readings.sorted { $0.date < $1.date }.map { "\($0.date) \($0.value)" })
            })
        }
        let asClosed = try readings()
        #expect(asClosed == ["A1": ["2026-03-20 30", "2026-04-20 40", "2026-10-20 100"],
                             "A2": ["2026-05-20 500", "2026-06-20 600", "2026-07-20 700", "2026-08-20 800", "2026-09-20 900",
                                    "2026-10-20 1000"]])
        var late = DataSet()
        late.readings = [Reading(meterID: "MA1", date: Self.date(9, 20), value: ExactDecimal(90)),
                         Reading(meterID: "MA2", date: Self.date(10, 20), value: ExactDecimal(990))]
        _ = try store.store(late)
        _ = try store.store(late)  // the same again: the first change is the one kept
        _ = try store.submitReading(meterID: "MA2", value: ExactDecimal(1_001), zone: nil, date: Self.date(10, 22),
                                    today: Self.date(10, 25), rules: .legalDefaults)
        #expect(try readings() == asClosed)

        #expect(try store.reopen(Self.october) == nil)
        _ = try MonthlyClose(store: store, period: Self.october, rules: .legalDefaults).run()
        #expect(try readings() == ["A1": ["2026-03-20 30", "2026-04-20 40", "2026-09-20 90", "2026-10-20 100"],
                                   "A2": ["2026-05-20 500", "2026-06-20 600", "2026-07-20 700", "2026-08-20 800",
                                          "2026-09-20 900", "2026-10-20 990", "2026-10-22 1001"]])
    }

    /// A close of a period run again for an account parked at first reads the readings and meters as
    /// they are then, and its receipt shows them; an account its first run computed keeps, on its
    /// receipt, what that run read.
    @Test func anAccountComputedByARunAgainShowsTheReadingsAndMetersThatRunRead() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStore(in: folder) { data in
            Self.addMeters(&data)
            data.meters.append(Meter(id: "MP1", accountID: "P1", serviceID: "FIX"))
            data.readings.append(Reading(meterID: "MP1", date: Self.date(10, 20), value: ExactDecimal(7)))
        }
        var changed = DataSet()
        changed.readings = [Reading(meterID: "MA1", date: Self.date(10, 20), value: ExactDecimal(101)),
                            Reading(meterID: "MP1", date: Self.date(10, 20), value: ExactDecimal(8))]
        changed.tariffs = [Tariff(serviceID: "NOTAR", validFrom: Self.date(1, 1), price: ExactDecimal(1))]
        changed.meters = [Meter(id: "MA1", accountID: "A1", serviceID: "FIX", digits: 6),
                          Meter(id: "MP2", accountID: "P1", serviceID: "FIX", installed: Self.date(1, 10))]
        _ = try store.store(changed)
        let rerun = try MonthlyClose(store: store, period: Self.october, rules: .legalDefaults).run()
        #expect(rerun.closed == 1)
        let inputs = try store.receiptInputs(Self.october, accountIDs: ["A1", "P1"])
        #expect(inputs.map { $0.readings.filter { $0.date == Self.date(10, 20) }.map(\.value) } == [[ExactDecimal(100)], [ExactDecimal(8)]])
        #expect(inputs.map { $0.meters.map { "\($0.id) \($0.digits ?? 0)" }.sorted() } == [["MA1 0"], ["MP1 0", "MP2 0"]])
    }

    /// Meters changed after October's close (one moved to another account, one added with a past
    /// date, one given other digits) leave October's receipts with the meters, and their readings,
    /// that the close billed; after a reopen and a close again, October's receipts show them as they
    /// are.
    @Test func metersChangedAfterTheCloseAreNotOnItsReceiptsUntilItIsClosedAgain() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStoreWithMeters(in: folder)
        func october() throws -> [String: [String]] {
            let inputs = try store.receiptInputs(Self.october, accountIDs: ["A1", "A2", "A3"])
            return Dictionary(uniqueKeysWithValues: inputs.map { input in
                (input.account.id, input.meters.sorted { $0.id < $1.id }.map { "\($0.id) \($0.digits ?? 0)" }
                    + input.readings.filter { $0.date >= Self.date(10, 1) }.map { "\($0.meterID) \($0.value)" }.sorted())
            })
        }
        let asClosed = try october()
        #expect(asClosed == ["A1": ["MA1 0", "MA1 100"], "A2": ["MA2 0", "MA2 1000"], "A3": []])
        var changed = DataSet()
        changed.meters = [Meter(id: "MA2", accountID: "A3", serviceID: "FIX"),
                          Meter(id: "MA3", accountID: "A1", serviceID: "FIX", installed: Self.date(1, 10)),
                          Meter(id: "MA1", accountID: "A1", serviceID: "FIX", digits: 6)]
        changed.readings = [Reading(meterID: "MA3", date: Self.date(10, 20), value: ExactDecimal(5))]
        _ = try store.store(changed)
        #expect(try october() == asClosed)

        #expect(try store.reopen(Self.october) == nil)
        _ = try MonthlyClose(store: store, period: Self.october, rules: .legalDefaults).run()
        #expect(try october() == ["A1": ["MA1 6", "MA3 0", "MA1 100", "MA3 5"], "A2": [], "A3": ["MA2 0", "MA2 1000"]])
    }

    /// A reopen moves the changes stamped with its period to the close before it: changes stored
    /// after November's close started stay off October's receipt once November is reopened, and a
    /// reading changed under both stamps shows on it as it was when October's close started.
    @Test func aReopenKeepsTheChangesAfterTheCloseBeforeIt() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.closedStoreWithMeters(in: folder)
        func october() throws -> [String] {
            try store.receiptInputs(Self.october, accountIDs: ["A1", "A2"]).flatMap { input in
                input.readings.filter { $0.date >= Self.date(10, 1) }.sorted { $0.date < $1.date }
                    .map { "\($0.meterID) \($0.date) \($0.value)" }
            }
        }
        let asClosed = try october()
        #expect(asClosed == ["MA1 2026-10-20 100", "MA2 2026-10-20 1000"])
        func storeReadings(_ readings: [Reading]) throws {
            var data = DataSet()
            data.readings = readings
            _ = try store.store(data)
        }
        try storeReadings([Reading(meterID: "MA2", date: Self.date(10, 20), value: ExactDecimal(990))])
        let november = Period(parsing: "2026-11")!
        _ = try MonthlyClose(store: store, period: november, rules: .legalDefaults).run()
        try storeReadings([Reading(meterID: "MA2", date: Self.date(10, 20), value: ExactDecimal(980)),
                           Reading(meterID: "MA1", date: Self.date(10, 21), value: ExactDecimal(101))])
        #expect(try october() == asClosed)
        #expect(try store.reopen(november) == nil)
        #expect(try october() == asClosed)
    }

    @Test func historyHoldsTheTwelveMonthsUpToThePeriodAndNoEarlierOne() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try MonthlyCloseTests.store(in: folder)
        var data = DataSet()
        data.suppliers = [Supplier(id: "ERC", name: "ЕРЦ", inn: "3525417791")]
        data.services = [Service(id: "FIX", name: "Обслуживание", unit: "шт", supplierID: "ERC", method: .fixed)]
        let start = CivilDate(year: 2025, month: 1, day: 1)!
        data.tariffs = [Tariff(serviceID: "FIX", validFrom: start, price: ExactDecimal(100))]
        data.accounts = ["H1", "H2"].map { Account(id: $0, kind: .person, name: "Плательщик", address: "ул. А, 1") }
        data.accountServices = ["H1", "H2"].map { AccountService(accountID: $0, serviceID: "FIX", validFrom: start) }
        // Fourteen closes, 2025-09 to 2026-10, each month paid in full (no debt, no penalty): the
        // receipt of 2026-10 charts 2025-11 to 2026-10.
        let first = Period(parsing: "2025-09")!
        data.payments = ["H1", "H2"].flatMap { account in
            (first.ordinal...Self.october.ordinal).map { ordinal in
                let month = Period(ordinal: ordinal)
                return Payment(id: "\(account)-\(month.code)", accountID: account,
                               date: CivilDate(year: month.year, month: month.month, day: 5)!, amount: Money(kopecks: 10_000))
            }
        }
        _ = try store.store(data)
        for ordinal in first.ordinal...Self.october.ordinal {
            _ = try MonthlyClose(store: store, period: Period(ordinal: ordinal), rules: .legalDefaults).run()
        }
        let inputs = try store.receiptInputs(Self.october, accountIDs: ["H2"])
        let expected = (Self.october.ordinal - 11...Self.october.ordinal).map {
            ReceiptContent.HistoryPoint(period: Period(ordinal: $0), charged: Money(kopecks: 10_000))
        }
        #expect(inputs.map(\.account.id) == ["H2"])
        #expect(inputs[0].history.sorted { $0.period.ordinal < $1.period.ordinal } == expected)
    }
}
