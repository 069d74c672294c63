import RaschetCore
import Testing

@Suite struct AbsenceReductionTests {
    @Test(arguments: [
        // departure 3rd, arrival 10th: full days 4..9 = 6 > 5, counted
        ("2026-11-03", "2026-11-10", "2026-11", 6),
        // departure 3rd, arrival 9th: full days 4..8 = 5, not more than 5
        ("2026-11-03", "2026-11-09", "2026-11", 0),
        // Oct 28 → Nov 5: full days Oct 29..Nov 4 = 7 counted, clipped: 3 in Oct, 4 in Nov
        ("2026-10-28", "2026-11-05", "2026-10", 3),
        ("2026-10-28", "2026-11-05", "2026-11", 4),
        // a whole month away: Oct 31 → Dec 1 covers all 30 days of Nov
        ("2026-10-31", "2026-12-01", "2026-11", 30),
        // arrival before departure (bad data) counts nothing
        ("2026-11-10", "2026-11-03", "2026-11", 0),
    ])
    func countsFullDaysBetweenDepartureAndArrival(from: String, to: String, period: String, days: Int) {
        let absence = Absence(accountID: "1001", dateFrom: day(from), dateTo: day(to), persons: 1)
        #expect(AbsenceReduction.fullDays(of: absence, in: month(period), rules: Fixture.rules) == days)
    }

    @Test(arguments: [
        // 2 persons × 6 days: volume 4.9 × 12 / 30 = 1.96; −1.96 × 52.34 = −102.5864 -> −102.59,
        // vat round(−102.59 × 22/122 = −18.4998) = −18.50, net −84.09. Check against the RULES form:
        // monthly charge 14.7 × 52.34 = 769.398 × 2 persons × 6 days / 30 / 3 residents = 102.5864.
        ("2026-11-03", "2026-11-10", 2, "-1.96", "-84.09", "-18.50", "-102.59"),
        // 5 full days: no reduction line at all
        ("2026-11-03", "2026-11-09", 2, nil, nil, nil, nil),
        // 1 person, 4 days in Nov: 4.9 × 4 / 30 = 0.6533333 -> 0.653333; × 52.34 = 34.1954 -> −34.20,
        // vat round(−34.20 × 22/122 = −6.1672) = −6.17
        ("2026-10-28", "2026-11-05", 1, "-0.653333", "-28.03", "-6.17", "-34.20"),
        // 5 persons reported for 3 residents: capped at 3 × 6 days = 18: 4.9 × 18 / 30 = 2.94 × 52.34 = 153.8796
        // -> −153.88, vat round(−153.88 × 22/122 = −27.7489) = −27.75
        ("2026-11-03", "2026-11-10", 5, "-2.94", "-126.13", "-27.75", "-153.88"),
    ] as [(String, String, Int, String?, String?, String?, String?)])
    func reducesANormChargeForAbsentResidents(from: String, to: String, persons: Int, quantity: String?, net: String?,
                                             vat: String?, gross: String?) {
        let absence = Absence(accountID: "1001", dateFrom: day(from), dateTo: day(to), persons: persons)
        let lines = billedLines(AccountBilling.bill(Fixture.input(["HVSN"], absences: [absence]),
                                                    period: month("2026-11"), rules: Fixture.rules))
        // base: 4.9 × 3 = 14.7 m3 × 52.34 = 769.398 -> 769.40, vat round(769.40 × 22/122 = 138.7443) = 138.74
        #expect(lines.first?.component == .base)
        #expect(lines.first?.amounts == VATAmounts(net: rub("630.66"), vat: rub("138.74"), gross: rub("769.40")))
        let reduction = lines.first { $0.component == .absence }
        if let quantity, let net, let vat, let gross {
            #expect(reduction?.quantity == dec(quantity))
            #expect(reduction?.amounts == VATAmounts(net: rub(net), vat: rub(vat), gross: rub(gross)))
        } else {
            #expect(reduction == nil)
        }
    }

    @Test func servicesWithoutAbsenceRecalculationAreNotReduced() {
        var input = Fixture.input(["HVSN"], absences: [
            Absence(accountID: "1001", dateFrom: day("2026-11-03"), dateTo: day("2026-11-20"), persons: 1),
        ])
        input.services = input.services.map { var s = $0; s.absenceRecalc = false; return s }
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-11"), rules: Fixture.rules))
        #expect(lines.map(\.component) == [.base])
    }

    @Test func aLateAbsenceDocumentRecalculatesAClosedPeriod() {
        let period = month("2026-10")
        let october = billedLines(AccountBilling.bill(Fixture.input(["HVSN"]), period: period, rules: Fixture.rules))
        let absence = Absence(accountID: "1001", dateFrom: day("2026-10-03"), dateTo: day("2026-10-10"), persons: 1)
        let november = billedLines(AccountBilling.bill(Fixture.input(["HVSN"], absences: [absence], posted: october),
                                                       period: month("2026-11"), rules: Fixture.rules))
        // Oct has 31 days: 4.9 × 1 × 6 / 31 = 0.948387(09...) -> 0.948387; × 52.34 = 49.6386 -> −49.64
        let recalc = november.first { $0.kind == .recalc }
        #expect(recalc?.refPeriod == period)
        #expect(recalc?.component == .absence)
        #expect(recalc?.quantity == dec("-0.948387"))
        #expect(recalc?.gross == rub("-49.64"))
    }

    @Test func overlappingDocumentsAreMergedDayByDayAndNeverExceedTheResidents() {
        // Two persons each on two documents, 3 residents. Nov 3→10 counts days 4..9, Nov 6→20 days 7..19:
        // days 4–6: 2 persons, 7–9: min(3, 2 + 2) = 3, 10–19: 2 → 6 + 9 + 20 = 35 person-days (not 38).
        // 4.9 × 35 / 30 = 5.716666.. -> 5.716667; × 52.34 = 299.2103 -> −299.21,
        // vat round(−299.21 × 22/122 = −53.9559) = −53.96, net −245.25
        let absences = [
            Absence(accountID: "1001", dateFrom: day("2026-11-03"), dateTo: day("2026-11-10"), persons: 2),
            Absence(accountID: "1001", dateFrom: day("2026-11-06"), dateTo: day("2026-11-20"), persons: 2),
        ]
        let input = Fixture.input(["HVSN"], absences: absences)
        #expect(AbsenceReduction.personDays(absences, accountID: "1001", residents: 3, in: month("2026-11"),
                                            rules: Fixture.rules) == 35)
        let lines = billedLines(AccountBilling.bill(input, period: month("2026-11"), rules: Fixture.rules))
        let reduction = lines.first { $0.component == .absence }
        #expect(reduction?.quantity == dec("-5.716667"))
        #expect(reduction?.amounts == VATAmounts(net: rub("-245.25"), vat: rub("-53.96"), gross: rub("-299.21")))
        let flags = ReviewFlag.flags(for: lines, input: input, period: month("2026-11"), rules: Fixture.rules)
        #expect(flags.map(\.reason) == [.overlappingAbsences])
    }

    @Test func twoDocumentsCoveringTheWholeMonthReduceTheChargeToZeroNotBelow() {
        // Both documents: all 3 residents away the whole of November (30 days). Merged: 3 × 30 = 90
        // person-days, 4.9 × 90 / 30 = 14.7 = the base volume: reduction −769.40 against the base 769.40.
        let absences = [
            Absence(accountID: "1001", dateFrom: day("2026-10-31"), dateTo: day("2026-12-01"), persons: 3),
            Absence(accountID: "1001", dateFrom: day("2026-10-30"), dateTo: day("2026-12-02"), persons: 3),
        ]
        let lines = billedLines(AccountBilling.bill(Fixture.input(["HVSN"], absences: absences),
                                                    period: month("2026-11"), rules: Fixture.rules))
        #expect(lines.reduce(Money.zero) { $0 + $1.gross } == .zero)
        #expect(lines.first { $0.component == .absence }?.gross == rub("-769.40"))
    }

    @Test func documentsThatDoNotOverlapAreNotFlagged() {
        let absences = [
            Absence(accountID: "1001", dateFrom: day("2026-11-01"), dateTo: day("2026-11-08"), persons: 1),
            Absence(accountID: "1001", dateFrom: day("2026-11-08"), dateTo: day("2026-11-16"), persons: 1),
        ]
        #expect(!AbsenceReduction.hasOverlap(absences, accountID: "1001", in: month("2026-11"), rules: Fixture.rules))
    }
}
