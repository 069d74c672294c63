import RaschetClose
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// Payments that reach the close after the period of their date was closed (late bank registers),
/// reversals and moved payments, and accounts whose figures overflow: README, "Late and corrected
/// data". Figures: heating 50 м² × 30.00 = 1500.00 for 2025-10 only, due 2025-11-10; household
/// tiers (day 1 = 2025-11-11, days 1–30 free, day 31 = 2025-12-11, 1/300 up to day 90); key rate
/// 21 % capped at 9.5 %, so a day costs debt × 0.095 / 300.
@Suite struct LateAndCorrectedPaymentsTests {
    static func day(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static func period(_ text: String) -> Period { Period(parsing: text)! }
    static func rub(_ kopecks: Int64) -> Money { Money(kopecks: kopecks) }

    /// Two households charged 1500.00 for 2025-10 and nothing after.
    static func dataSet() -> DataSet {
        var data = DataSet()
        data.suppliers = [Supplier(id: "UK", name: "ООО «УК»", inn: "3525142318")]
        data.services = [Service(id: "OTOP", name: "Отопление", unit: "м²", supplierID: "UK", method: .area, vatMode: .included)]
        data.tariffs = [Tariff(serviceID: "OTOP", validFrom: day("2025-01-01"), price: ExactDecimal(30))]
        data.accounts = ["1001", "1002"].map {
            Account(id: $0, kind: .person, name: "Иванов", address: "кв. " + $0, area: ExactDecimal(50), residents: 1)
        }
        data.accountServices = ["1001", "1002"].map {
            AccountService(accountID: $0, serviceID: "OTOP", validFrom: day("2025-10-01"), validTo: day("2025-10-31"))
        }
        data.keyRates = [KeyRate(validFrom: day("2025-01-01"), rate: ExactDecimal(21))]
        return data
    }

    static func payments(_ payments: Payment...) -> DataSet {
        var data = DataSet()
        data.payments = payments
        return data
    }

    static func close(_ store: Store, _ codes: String...) throws {
        for code in codes {
            let report = try MonthlyClose(store: store, period: period(code), rules: .legalDefaults).run()
            #expect(report.parked.isEmpty, "\(report.parked)")
        }
    }

    /// The penalty corrections posted in `code` for `account`: (corrected period, amount).
    static func corrections(_ store: Store, _ code: String, _ account: String) throws -> [(Period, Money)] {
        try store.chargeLines(period(code), account: account)
            .filter { $0.kind == .recalc && $0.serviceID == "PENI" && $0.component == .penalty && $0.vat == .zero }
            .map { ($0.refPeriod, $0.gross) }
    }

    static func penalties(_ store: Store, _ code: String, _ account: String) throws -> [Money] {
        try store.chargeLines(period(code), account: account).filter { $0.kind == .penalty }.map(\.gross)
    }

    static func balance(_ store: Store, _ code: String, _ account: String) throws -> AccountBalance {
        try #require(try store.balances(period(code), account: account).first?.balance)
    }

    /// 2025-12 posts 21 days (12-11..12-31, days 31–51) on 1500.00: 1500 × 0.095 × 21 / 300 = 9.975 → 9.98.
    /// Then a register arrives with 1500.00 paid on 2025-11-05, before the due day: no penalty was ever
    /// owed, so 2026-01 reverses the 9.98 (a PENI recalc referencing 2025-12) and accrues nothing.
    @Test func aPaymentBeforeTheDueDayImportedAfterTheCloseReversesThePenaltiesPosted() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try MonthlyCloseTests.store(in: folder)
        _ = try store.store(Self.dataSet())
        try Self.close(store, "2025-10", "2025-11", "2025-12")
        #expect(try Self.penalties(store, "2025-12", "1001") == [Self.rub(998)])

        _ = try store.store(Self.payments(Payment(id: "P1", accountID: "1001", date: Self.day("2025-11-05"), amount: Self.rub(150_000))))
        try Self.close(store, "2026-01")
        #expect(try store.postedPayments(Self.period("2026-01"), account: "1001").map(\.id) == ["P1"])
        #expect(try Self.penalties(store, "2026-01", "1001").isEmpty)
        let corrections = try Self.corrections(store, "2026-01", "1001")
        #expect(corrections.map(\.0) == [Self.period("2025-12")] && corrections.map(\.1) == [Self.rub(-998)])
        // Opening 1500.00 + 9.98; recalc −9.98; paid 1500.00: closing 0.
        let balance = try Self.balance(store, "2026-01", "1001")
        #expect(balance.opening == Self.rub(150_998) && balance.recalc == Self.rub(-998) && balance.penalty == .zero)
        #expect(balance.paid == Self.rub(150_000) && balance.closing == .zero)
        // 1002 paid nothing: 2026-01 accrues days 52–82, 31 days: 1500 × 0.095 × 31 / 300 = 14.725 → 14.73.
        #expect(try Self.penalties(store, "2026-01", "1002") == [Self.rub(1_473)])
        #expect(try Self.corrections(store, "2026-01", "1002").isEmpty)
        // The closed period is not rewritten: its lines still show the 9.98.
        #expect(try Self.penalties(store, "2025-12", "1001") == [Self.rub(998)])
    }

    /// Payments in the middle of the delay end the penalty on their own date (the payment's own day
    /// still accrues). 1000.00 paid 2025-12-20, imported after the 2025-12 close; 500.00 paid
    /// 2025-12-25, imported after the 2026-01 close.
    @Test func latePaymentsInTheDelayEndThePenaltyOnTheirOwnDate() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try MonthlyCloseTests.store(in: folder)
        _ = try store.store(Self.dataSet())
        try Self.close(store, "2025-10", "2025-11", "2025-12")
        #expect(try Self.penalties(store, "2025-12", "1001") == [Self.rub(998)])

        _ = try store.store(Self.payments(Payment(id: "P1", accountID: "1001", date: Self.day("2025-12-20"), amount: Self.rub(100_000))))
        try Self.close(store, "2026-01")
        // 2025-12 recomputed: 1500.00 on 12-11..12-20 (10 days) = 4.75, 500.00 on 12-21..12-31 (11 days)
        // = 500 × 0.095 × 11 / 300 = 1.74166…; together 6.49166… → 6.49; correction 6.49 − 9.98 = −3.49.
        #expect(try Self.corrections(store, "2026-01", "1001").map(\.1) == [Self.rub(-349)])
        // 2026-01: 500.00 for 31 days = 500 × 0.095 × 31 / 300 = 4.90833… → 4.91.
        #expect(try Self.penalties(store, "2026-01", "1001") == [Self.rub(491)])
        // 1509.98 − 3.49 + 4.91 − 1000.00 = 511.40.
        #expect(try Self.balance(store, "2026-01", "1001").closing == Self.rub(51_140))

        _ = try store.store(Self.payments(Payment(id: "P2", accountID: "1001", date: Self.day("2025-12-25"), amount: Self.rub(50_000))))
        try Self.close(store, "2026-02")
        // 2025-12 again: 4.75 + 500 × 0.095 × 5 / 300 (12-21..12-25) = 4.75 + 0.79166… = 5.54166… → 5.54;
        // posted for it 9.98 − 3.49 = 6.49, so −0.95. 2026-01 again: all paid by 12-25, 0; posted 4.91, so −4.91.
        let corrections = try Self.corrections(store, "2026-02", "1001")
        #expect(corrections.map(\.0) == [Self.period("2025-12"), Self.period("2026-01")])
        #expect(corrections.map(\.1) == [Self.rub(-95), Self.rub(-491)])
        #expect(try Self.penalties(store, "2026-02", "1001").isEmpty)
        // 511.40 − 0.95 − 4.91 − 500.00 = 5.54: 1500.00 charged and paid, the penalty of 12-11..12-25 left.
        #expect(try Self.balance(store, "2026-02", "1001").closing == Self.rub(554))
        // A close with no late payment corrects nothing more.
        try Self.close(store, "2026-03")
        #expect(try Self.corrections(store, "2026-03", "1001").isEmpty)
        #expect(try Self.balance(store, "2026-03", "1001").closing == Self.rub(554))
    }

    /// 1500.00 paid on 2025-11-05 was posted to 1001 but belongs to 1002. After the 2025-12 close it is
    /// moved the documented way: a reversal on 1001 (−1500.00, same date, «Корректировка оплаты») and a
    /// new payment on 1002; the posted payment itself stays as it was.
    @Test func aPaymentMovedByReversalAndNewPaymentSetsBothAccountsRight() throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try MonthlyCloseTests.store(in: folder)
        _ = try store.store(Self.dataSet())
        _ = try store.store(Self.payments(Payment(id: "X", accountID: "1001", date: Self.day("2025-11-05"), amount: Self.rub(150_000))))
        try Self.close(store, "2025-10", "2025-11", "2025-12")
        // Before the move: 1001 owes nothing; 1002 accrued 9.98 in 2025-12 (21 days on 1500.00).
        #expect(try Self.penalties(store, "2025-12", "1001").isEmpty)
        #expect(try Self.penalties(store, "2025-12", "1002") == [Self.rub(998)])

        _ = try store.store(Self.payments(
            Payment(id: "X-R", accountID: "1001", date: Self.day("2025-11-05"), amount: Self.rub(-150_000), source: "Корректировка оплаты"),
            Payment(id: "X-2", accountID: "1002", date: Self.day("2025-11-05"), amount: Self.rub(150_000))))
        try Self.close(store, "2026-01")
        // 1001: unpaid since all along, 2025-12 recomputed 9.98 (posted 0) → +9.98; 2026-01 accrues 14.73
        // (31 days); opening 0 + 9.98 + 14.73 − (−1500.00) = 1524.71.
        #expect(try Self.corrections(store, "2026-01", "1001").map(\.1) == [Self.rub(998)])
        #expect(try Self.penalties(store, "2026-01", "1001") == [Self.rub(1_473)])
        let a = try Self.balance(store, "2026-01", "1001")
        #expect(a.opening == .zero && a.paid == Self.rub(-150_000) && a.closing == Self.rub(152_471))
        // 1002: paid before the due day, 2025-12 recomputed 0 (posted 9.98) → −9.98; nothing in 2026-01;
        // opening 1509.98 − 9.98 − 1500.00 = 0.
        #expect(try Self.corrections(store, "2026-01", "1002").map(\.1) == [Self.rub(-998)])
        #expect(try Self.penalties(store, "2026-01", "1002").isEmpty)
        let b = try Self.balance(store, "2026-01", "1002")
        #expect(b.opening == Self.rub(150_998) && b.paid == Self.rub(150_000) && b.closing == .zero)
        // 2025-11 still shows the payment as posted then.
        #expect(try store.postedPayments(Self.period("2025-11")).map { "\($0.id) \($0.accountID) \($0.amount)" } == ["X 1001 1500.00"])
    }

    /// 10^9 м² × 10^9 руб./м² (both at the top of the import ranges) = 10^18 rubles, beyond
    /// `Money.limit`: that account is parked with the reason, the others close, in every mode.
    @Test(arguments: [(1, false), (2_000, false), (1, true)])
    func anAccountWhoseChargeOverflowsIsParkedAndTheOthersClose(batchSize: Int, dryRun: Bool) throws {
        let folder = try TemporaryFolder("raschet-close")
        defer { folder.remove() }
        let store = try MonthlyCloseTests.store(in: folder)
        var data = Self.dataSet()
        data.services.append(Service(id: "BIG", name: "Содержание", unit: "м²", supplierID: "UK", method: .area, vatMode: .included))
        data.tariffs.append(Tariff(serviceID: "BIG", validFrom: Self.day("2025-01-01"), price: ExactDecimal(1_000_000_000)))
        data.accounts.append(Account(id: "1003", kind: .person, name: "Петров", address: "кв. 3", area: ExactDecimal(1_000_000_000), residents: 1))
        data.accountServices.append(AccountService(accountID: "1003", serviceID: "BIG", validFrom: Self.day("2025-01-01")))
        _ = try store.store(data)
        let report = try MonthlyClose(store: store, period: Self.period("2025-10"), rules: .legalDefaults,
                                      batchSize: batchSize, dryRun: dryRun).run()
        #expect(report.closed == 2 && report.parked.map(\.accountID) == ["1003"])
        #expect(report.parked.map(\.code) == ["overflow"])
        #expect(report.parked.first?.reason.russian == "лицевой счет 1003, услуга BIG, период 2025-10: Сумма вне допустимого диапазона "
                    + "(не более 1 000 000 000 000,00 руб.): 1000000000 × 1000000000; проверьте цену, объем и площадь")
        // 1001 and 1002: 1500.00 each.
        #expect(report.charged.machineString == "3000.00")
        // Every account has its marker (1003 a parked one), so the period counts as closed with parked
        // accounts: its run row says `closed`, never `running` (a dry run writes none).
        #expect(try store.closeMarkers(Self.period("2025-10")) == (dryRun ? 0 : 3))
        #expect(try store.closeStatus(Self.period("2025-10")) == (dryRun ? nil : .closed))
    }
}
