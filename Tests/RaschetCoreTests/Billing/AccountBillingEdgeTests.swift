import RaschetCore
import Testing

@Suite struct AccountBillingEdgeTests {
    static let rules = Fixture.rules

    @Test func aThreeZoneMeterIsChargedPerZoneWithItsTariffs() {
        var input = Fixture.input(["EL"], meters: [Meter(id: "E3", accountID: "1001", serviceID: "EL", zones: 3)])
        input.tariffs += [
            Tariff(serviceID: "EL", validFrom: day("2025-01-01"), price: dec("7.10"), zone: .peak),
            Tariff(serviceID: "EL", validFrom: day("2025-01-01"), price: dec("5.00"), zone: .halfpeak),
        ]
        input.readings = Fixture.readings("E3", [("2026-09", "100"), ("2026-10", "110")], zone: .peak)
            + Fixture.readings("E3", [("2026-09", "200"), ("2026-10", "230")], zone: .halfpeak)
            + Fixture.readings("E3", [("2026-09", "300"), ("2026-10", "340.5")], zone: .night)
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-10"), rules: Self.rules))
        // night 40.5 × 3.20 = 129.60; peak 10 × 7.10 = 71.00; half-peak 30 × 5.00 = 150.00 (zones in Zone order)
        #expect(lines.map(\.zone) == [.night, .peak, .halfpeak])
        #expect(lines.map(\.gross) == [rub("129.60"), rub("71.00"), rub("150.00")])
    }

    @Test func twoMetersOfOneServiceAreSummed() {
        // kitchen 5.5 + bathroom 2.25 = 7.75 m3 × 52.34 = 405.635 -> 405.64
        let meters = [Meter(id: "K", accountID: "1001", serviceID: "HVS"), Meter(id: "B", accountID: "1001", serviceID: "HVS")]
        let readings = Fixture.readings("K", [("2026-09", "10"), ("2026-10", "15.5")])
            + Fixture.readings("B", [("2026-09", "20"), ("2026-10", "22.25")])
        let lines = billedLines(AccountBilling.bill(Fixture.input(["HVS"], meters: meters, readings: readings),
                                                    period: month("2026-10"), rules: Self.rules))
        #expect(lines.map(\.quantity) == [dec("7.75")])
        #expect(lines.first?.gross == rub("405.64"))
    }

    @Test func anInstallReadingIsTheBaselineOfTheFirstPeriod() {
        // installed Oct 3 at 0.5, read Oct 20 at 3: 2.5 m3 in October; nothing before
        let meter = Meter(id: "N", accountID: "1001", serviceID: "HVS", installed: day("2026-10-03"))
        let readings = [Reading(meterID: "N", date: day("2026-10-03"), value: dec("0.5"), source: .install),
                        Reading(meterID: "N", date: day("2026-10-20"), value: dec("3"))]
        let lines = billedLines(AccountBilling.bill(Fixture.input(["HVS"], meters: [meter], readings: readings),
                                                    period: month("2026-10"), rules: Self.rules))
        #expect(lines.map(\.quantity) == [dec("2.5")])
        #expect(lines.map(\.basis) == [.reading])
    }

    @Test func aDecemberReadingAfterTheWindowCountsForJanuaryAt22Percent() {
        let readings = Fixture.readings("M1", [("2025-11", "100")])
            + [Reading(meterID: "M1", date: day("2025-12-28"), value: dec("110"))]
        let input = Fixture.input(["HVS"], meters: [MeterConsumptionTests.water], readings: readings)
        // December has no reading and one month of history: norm without coefficient, 4.9 × 3 = 14.7
        #expect(billedLines(AccountBilling.bill(input, period: month("2025-12"), rules: Self.rules)).first?.basis == .norm)
        // January: the Dec 28 reading closes the gap Nov → Jan: 10 m3 over 2 periods, 5 each
        let january = billedLines(AccountBilling.bill(input, period: month("2026-01"), rules: Self.rules)).first
        #expect(january?.quantity == dec("5"))
        #expect(january?.vatRate == ExactDecimal(22))
    }

    @Test(arguments: [
        // opened after the period: nothing; closed before it: nothing; otherwise a line
        ("2026-11-01", nil, 0), (nil, "2026-09-30", 0), ("2026-10-31", nil, 1), (nil, "2026-10-01", 1),
    ] as [(String?, String?, Int)])
    func onlyAccountsOpenDuringThePeriodAreCharged(opened: String?, closed: String?, count: Int) {
        var account = Fixture.account()
        account.opened = opened.map(day)
        account.closed = closed.map(day)
        let lines = billedLines(AccountBilling.bill(Fixture.input(["FIX"], account: account), period: month("2026-10"),
                                                    rules: Self.rules))
        #expect(lines.count == count)
    }

    @Test func theConnectionInForceOnTheLastDayIsChosen() {
        var input = Fixture.input(["HEAT"], account: Fixture.account("B1", kind: .business))
        input.accountServices = [
            AccountService(accountID: "B1", serviceID: "HEAT", validFrom: day("2025-01-01"), validTo: day("2026-10-14"),
                           quantity: dec("1"), installation: "old"),
            AccountService(accountID: "B1", serviceID: "HEAT", validFrom: day("2026-10-15"), quantity: dec("2"),
                           installation: "new"),
        ]
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-10"), rules: Self.rules))
        #expect(lines.map(\.installation) == ["new"])
        #expect(lines.map(\.quantity) == [dec("2")])
    }

    @Test func recomputePeriodsPostAChargeNeverBilledAndTheLookbackLimitsRecalculation() {
        // FIX was connected retroactively: 2026-08 is named for recomputation, 2022-01 is beyond 36 months.
        var input = Fixture.input(["FIX"])
        input.recomputePeriods = [month("2026-08"), month("2022-01")]
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-10"), rules: Self.rules))
        #expect(lines.map(\.kind) == [.charge, .recalc])
        #expect(lines.map(\.refPeriod) == [month("2026-10"), month("2026-08")])
        #expect(lines.last?.gross == rub("45.00"))
    }

    @Test func aParkedReadingNamesAccountServiceMeterAndPeriod() {
        let readings = [Reading(meterID: "M1", date: day("2026-09-20"), value: dec("10")),
                        Reading(meterID: "M1", date: day("2026-10-20"), value: dec("9"))]
        let reason = AccountBilling.bill(Fixture.input(["HVS"], meters: [MeterConsumptionTests.water], readings: readings),
                                         period: month("2026-10"), rules: Self.rules).parkingReason
        #expect(reason?.text.russian == "лицевой счет 1001, услуга HVS, счетчик M1, период 2026-10: "
            + "Показание не принято! Введенные показания меньше ранее переданных показаний. Проверьте корректность ввода.")
        #expect(reason?.text.english == "account 1001, service HVS, meter M1, period 2026-10: "
            + "Reading not accepted! The reading entered is lower than the one submitted before. Check your input.")
    }
}
