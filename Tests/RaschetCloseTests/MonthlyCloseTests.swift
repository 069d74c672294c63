import Foundation
import RaschetClose
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The monthly close on small data sets, with the real SQLite database and migrations.
@Suite struct MonthlyCloseTests {
    static func day(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static func period(_ text: String) -> Period { Period(parsing: text)! }

    /// One household (heating by area, VAT included) and one business (maintenance by area, VAT on
    /// top), both connected from 2025-01-01 at prices that do not change.
    static func dataSet(area: String) -> DataSet {
        var data = DataSet()
        data.suppliers = [Supplier(id: "UK", name: "ООО «УК»", inn: "3525142318")]
        data.services = [
            Service(id: "OTOP", name: "Отопление", unit: "м²", supplierID: "UK", method: .area, vatMode: .included),
            Service(id: "SOD_B", name: "Содержание", unit: "м²", supplierID: "UK", method: .area, vatMode: .onTop),
        ]
        data.tariffs = [
            Tariff(serviceID: "OTOP", validFrom: Self.day("2025-01-01"), price: ExactDecimal(30)),
            Tariff(serviceID: "SOD_B", validFrom: Self.day("2025-01-01"), price: ExactDecimal(100), category: .business),
        ]
        data.accounts = [
            Account(id: "1001", kind: .person, name: "Иванов", address: "кв. 1", area: ExactDecimal(parsing: area), residents: 1),
            Account(id: "2001", kind: .business, name: "ООО «Ромашка»", address: "пом. 1", area: ExactDecimal(10)),
        ]
        data.accountServices = [
            AccountService(accountID: "1001", serviceID: "OTOP", validFrom: Self.day("2025-01-01")),
            AccountService(accountID: "2001", serviceID: "SOD_B", validFrom: Self.day("2025-01-01")),
        ]
        data.keyRates = [KeyRate(validFrom: day("2025-01-01"), rate: ExactDecimal(21))]
        return data
    }

    /// A new database in `folder`.
    static func store(in folder: TemporaryFolder) throws -> Store {
        try Store.create(at: folder.path("test.sqlite")).store
    }

    /// SPEC section 2: the VAT rate follows the delivery period. 2025-12 is charged 50 м² × 30.00 =
    /// 1500.00 with 20 % inside (1500 × 20/120 = 250.00); the area is then corrected to 60 м², so the
    /// 2026-01 close charges 60 × 30 = 1800.00 with 22 % inside (1800 × 22/122 = 324.5901… → 324.59)
    /// and recalculates 2025-12 by +10 м² at 20 %: gross +300.00, VAT 300 − 250 = +50.00.
    @Test func aRecalculationOf2025Uses20PercentAndA2026ChargeUses22() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        _ = try store.store(Self.dataSet(area: "50"))
        let rules = BillingRules.legalDefaults
        let december = try MonthlyClose(store: store, period: Self.period("2025-12"), rules: rules).run()
        #expect(december.closed == 2 && december.parked.isEmpty)
        let posted = try store.chargeLines(Self.period("2025-12"), account: "1001")
        #expect(posted.map(\.gross) == [Money(kopecks: 150_000)] && posted.map(\.vat) == [Money(kopecks: 25_000)])
        #expect(posted.map(\.vatRate) == [ExactDecimal(20)])
        // Business, VAT on top: net 10 × 100 = 1000.00, VAT 20 % = 200.00.
        let business = try store.chargeLines(Self.period("2025-12"), account: "2001")
        #expect(business.map(\.net) == [Money(kopecks: 100_000)] && business.map(\.vat) == [Money(kopecks: 20_000)])

        _ = try store.store(Self.dataSet(area: "60"))
        let january = try MonthlyClose(store: store, period: Self.period("2026-01"), rules: rules).run()
        #expect(january.closed == 2 && january.parked.isEmpty)
        let lines = try store.chargeLines(Self.period("2026-01"), account: "1001")
        #expect(lines.count == 2)
        let charge = try #require(lines.first { $0.kind == .charge })
        #expect(charge.vatRate == ExactDecimal(22) && charge.gross == Money(kopecks: 180_000) && charge.vat == Money(kopecks: 32_459))
        let recalc = try #require(lines.first { $0.kind == .recalc })
        #expect(recalc.refPeriod == Self.period("2025-12") && recalc.vatRate == ExactDecimal(20))
        #expect(recalc.quantity == ExactDecimal(10) && recalc.gross == Money(kopecks: 30_000) && recalc.vat == Money(kopecks: 5_000))
        // Business 2026-01: VAT on top at 22 % = 220.00; nothing to recalculate (its unpaid 2025-12 bill also
        // accrues a penalty line, business tiers).
        let business2026 = try store.chargeLines(Self.period("2026-01"), account: "2001").filter { $0.kind != .penalty }
        #expect(business2026.map(\.vat) == [Money(kopecks: 22_000)] && business2026.map(\.kind) == [.charge], "\(business2026.map { ($0.kind, $0.refPeriod, $0.net, $0.vat) })")

        let balance = try #require(try store.balances(Self.period("2026-01"), account: "1001").first?.balance)
        #expect(balance.opening == Money(kopecks: 150_000) && balance.charged == Money(kopecks: 180_000))
        #expect(balance.recalc == Money(kopecks: 30_000) && balance.closing == Money(kopecks: 360_000))
    }

    @Test func aDryRunComputesButStoresNothing() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        _ = try store.store(Self.dataSet(area: "50"))
        let report = try MonthlyClose(store: store, period: Self.period("2025-12"), rules: .legalDefaults, dryRun: true).run()
        #expect(report.outcome == .dryRun && report.closed == 2 && report.charged.machineString == "2700.00")  // 1500.00 + 1200.00
        #expect(try store.closeStatus(Self.period("2025-12")) == nil)
        #expect(try store.closeMarkers(Self.period("2025-12")) == 0)
        #expect(try store.chargeLines(Self.period("2025-12")).isEmpty)
    }

    @Test func paymentsArePostedOnceAndPenaltiesAccrueOnTheOldestDebt() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        var data = Self.dataSet(area: "50")
        // 1001 pays nothing for 2025-10 (1500.00, due 2025-11-10); 2001 pays 600.00 on 2025-11-05 and
        // 2025-10 is settled first.
        data.payments = [Payment(id: "P1", accountID: "2001", date: Self.day("2025-11-05"), amount: Money(kopecks: 60_000))]
        _ = try store.store(data)
        for code in ["2025-10", "2025-11", "2025-12"] { _ = try MonthlyClose(store: store, period: Self.period(code), rules: .legalDefaults).run() }
        #expect(try store.postedPayments(Self.period("2025-11")).map(\.id) == ["P1"])
        #expect(try store.postedPayments(Self.period("2025-12")).isEmpty)
        // Household: day 1 = 2025-11-11, day 31 = 2025-12-11; 2025-12 accrues days 31..51 (21 days) on
        // 1500.00 at min(9.5 %, 21 %) / 300: 1500 × 0.095 × 21 / 300 = 9.975 → 9.98. The 2025-11 debt is
        // not 30 days late yet.
        let household = try store.chargeLines(Self.period("2025-12"), account: "1001").filter { $0.kind == .penalty }
        #expect(household.map(\.gross) == [Money(kopecks: 998)] && household.map(\.refPeriod) == [Self.period("2025-10")])
        // Business tiers: 1/130 from day 1. 2025-10: 1200.00 − 600.00 paid on 11-05 (before the due day) =
        // 600.00 from 11-11; in 2025-11: 20 days × 600 × 0.095 / 130 = 8.7692… → 8.77.
        let business = try store.chargeLines(Self.period("2025-11"), account: "2001").filter { $0.kind == .penalty }
        #expect(business.map(\.gross) == [Money(kopecks: 877)])
    }

    /// 700 households (heating by area: account 5000 + i has 40 + i mod 30 м² at 30.00), so that a batch
    /// of the close spans several of the pipeline's chunks (`ClosePipeline.chunkSize` is 250).
    static func households() -> DataSet {
        var data = dataSet(area: "50")
        data.accounts = (0..<700).map { index in
            Account(id: String(5000 + index), kind: .person, name: "Жилец \(index)", address: "кв. \(index)",
                    area: ExactDecimal(40 + index % 30), residents: 1)
        }
        data.accountServices = data.accounts.map { AccountService(accountID: $0.id, serviceID: "OTOP", validFrom: day("2025-01-01")) }
        return data
    }

    /// The close stores the same whatever the batch size, and progress counts the batches in order.
    /// The charges add up by hand: Σ (40 + i mod 30) over 700 accounts = 700 × 40 + 23 × 435 + (0 + … + 9)
    /// = 28,000 + 10,005 + 45 = 38,050 м², × 30.00 = 1,141,500.00.
    @Test(arguments: [1, 333, 2_000])
    func everyBatchSizeStoresTheSame(batchSize: Int) throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        _ = try store.store(Self.households())
        var done: [Int] = []
        let report = try MonthlyClose(store: store, period: Self.period("2025-12"), rules: .legalDefaults,
                                      batchSize: batchSize).run { done.append($0.done) }
        let batches = (700 + batchSize - 1) / batchSize
        #expect(report.closed == 700 && report.batches == batches)
        #expect(report.charged.machineString == "1141500.00")
        #expect(done == [0] + (1...batches).map { min($0 * batchSize, 700) })
        let lines = try store.chargeLines(Self.period("2025-12"))
        #expect(lines.map(\.accountID) == (0..<700).map { String(5000 + $0) })
        #expect(lines.map(\.gross) == (0..<700).map { Money(kopecks: Int64(40 + $0 % 30) * 3_000) })
    }
}
