import RaschetCore
import Testing

@Suite struct ReviewFlagTests {
    @Test(arguments: [
        // history Jan→Jul 61 m3 / 6 = 10.166667; 3 × = 30.500001
        ("191", false),   // Aug 30 m3: not above
        ("191.6", true),  // Aug 30.6 m3: above
        ("161", false),   // nothing consumed
    ])
    func flagsAConsumptionAboveThreeTimesTheAverage(august: String, flagged: Bool) {
        let readings = MeterConsumptionTests.history + Fixture.readings("M1", [("2026-08", august)])
        let input = Fixture.input(["HVS"], meters: [MeterConsumptionTests.water], readings: readings)
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-08"), rules: Fixture.rules))
        let flags = ReviewFlag.flags(for: lines, input: input, period: month("2026-08"), rules: Fixture.rules)
        #expect(flags.map(\.reason) == (flagged ? [.consumptionAboveAverage] : []))
        // The close passes the histories the billing built: the same flags.
        let billed = AccountBilling.bill(input, period: month("2026-08"), rules: Fixture.rules,
                                         digests: ReferenceDigests(rules: Fixture.rules))
        #expect(billed.histories.map(\.meterID) == ["M1"])
        #expect(ReviewFlag.flags(for: lines, input: input, period: month("2026-08"), rules: Fixture.rules,
                                 histories: billed.histories) == flags)
    }

    @Test func flagsANegativePeriodTotal() {
        let october = billedLines(AccountBilling.bill(Fixture.input(["FIX"]), period: month("2026-10"), rules: Fixture.rules))
        var input = Fixture.input(["FIX"], posted: october)
        input.accountServices[0].validTo = day("2026-09-30")
        let november = billedLines(AccountBilling.bill(input, period: month("2026-11"), rules: Fixture.rules))
        // the reversal of October's 45.00 is the only line: −45.00
        let flags = ReviewFlag.flags(for: november, input: input, period: month("2026-11"), rules: Fixture.rules)
        #expect(flags.map(\.reason) == [.negativeTotal])
        #expect(flags.first?.message == "Отрицательная сумма начислений за период: -45,00")
    }
}
