import RaschetCore
import Testing

@Suite struct TariffSelectionTests {
    static let tariffs = [
        Tariff(serviceID: "HVS", validFrom: day("2025-07-01"), price: dec("50.00")),
        // A mid-month change: prices the whole of 2026-07 under the last-day rule.
        Tariff(serviceID: "HVS", validFrom: day("2026-07-15"), price: dec("55.00")),
        // A bounded row overriding the open-ended one for 2026-01..2026-03.
        Tariff(serviceID: "HVS", validFrom: day("2026-01-01"), validTo: day("2026-03-31"), price: dec("60.00")),
        // A negative price (a supplier's credit tariff) is data like any other.
        Tariff(serviceID: "HVS", validFrom: day("2025-07-01"), price: dec("-1.50"), category: .business),
    ]

    @Test(arguments: [
        ("2026-06", TariffSelectionDay.lastDayOfPeriod, ConsumerCategory.household, "50.00"),
        ("2026-07", .lastDayOfPeriod, .household, "55.00"),
        ("2026-07", .firstDayOfPeriod, .household, "50.00"),
        ("2026-02", .lastDayOfPeriod, .household, "60.00"),
        ("2026-04", .lastDayOfPeriod, .household, "50.00"),
        ("2026-07", .lastDayOfPeriod, .business, "-1.50"),
    ])
    func picksTheTariffInForceOnTheSelectionDay(period: String, rule: TariffSelectionDay, category: ConsumerCategory,
                                               price: String) throws {
        var rules = BillingRules.legalDefaults
        rules.tariffDay = rule
        let tariff = try TariffSelection.tariff(in: Self.tariffs, serviceID: "HVS", zone: .single, category: category,
                                                period: month(period), accountID: "1001", rules: rules)
        #expect(tariff.price == dec(price))
    }

    @Test func noTariffIsAnErrorNamingAccountServiceAndPeriod() {
        do {
            _ = try TariffSelection.tariff(in: Self.tariffs, serviceID: "HVS", zone: .day, category: .household,
                                           period: month("2026-10"), accountID: "1001", rules: .legalDefaults)
            Issue.record("expected no tariff")
        } catch {
            #expect(error.code == .noTariff)
            #expect(error.description.contains("1001"))
            #expect(error.description.contains("HVS"))
            #expect(error.description.contains("2026-10"))
        }
    }

    @Test func anAccountWithoutATariffIsParked() {
        var input = Fixture.input(["SOD"])
        input.tariffs = []
        let result = AccountBilling.bill(input, period: month("2026-10"), rules: Fixture.rules)
        #expect(result.parkingReason?.code == .noTariff)
        #expect(result.parkingReason?.text.russian == "лицевой счет 1001, услуга SOD, период 2026-10: "
            + "Нет тарифа (зона single, категория household) на 31.10.2026")
    }
}
