import RaschetCore
import Testing

@Suite struct PenaltyCalculatorTests {
    static let keyRates = [
        KeyRate(validFrom: day("2020-02-10"), rate: dec("6")),
        KeyRate(validFrom: day("2020-04-27"), rate: dec("5.5")),
        KeyRate(validFrom: day("2022-09-19"), rate: dec("7.5")),
        KeyRate(validFrom: day("2025-10-27"), rate: dec("16.5")),
        KeyRate(validFrom: day("2026-06-20"), rate: dec("9")),
        KeyRate(validFrom: day("2026-12-20"), rate: dec("12")),
    ]

    static func debt(_ period: String, _ amount: String, supplier: String? = nil) -> PenaltyDebt {
        try! PenaltyDebt(period: month(period), supplierID: supplier, amount: rub(amount), rules: Fixture.rules)
    }

    static func payment(_ date: String, _ amount: String) -> Payment {
        Payment(id: date + amount, accountID: "1001", date: day(date), amount: rub(amount))
    }

    static func accrued(_ period: String, _ debts: [PenaltyDebt], _ payments: [Payment] = [], paidEarlier: String = "0",
                        category: ConsumerCategory = .household) throws -> [String] {
        try PenaltyCalculator.accrued(in: month(period), debts: debts, payments: payments, paidEarlier: rub(paidEarlier),
                                      category: category, keyRates: keyRates, rules: Fixture.rules)
            .map { $0.debtPeriod.code + " " + $0.amount.machineString }
    }

    @Test(arguments: [
        ("2025-12", "2026-01-10"), ("2026-01", "2026-02-10"), ("2026-02", "2026-03-15"), ("2026-03", "2026-04-15"),
        ("2026-10", "2026-11-15"),
    ])
    func dueDatesFollowThePerPeriodTable(period: String, due: String) throws {
        #expect(try Fixture.rules.dueDate(for: month(period)) == day(due))
    }

    @Test(arguments: [
        // 10 000.00 for 2026-03, due 2026-04-15; day 1 = Apr 16.
        // Apr: days 1..15, nothing accrues.
        ("2026-04", "10000.00", [String]()),
        // May: day 31 = May 16; May 16..31 = 16 days at 1/300; rate on May 31 min(9.5, 16.5) = 9.5:
        // 10000 × 0.095 × 16/300 = 50.6667 -> 50.67
        ("2026-05", "10000.00", ["2026-03 50.67"]),
        // Jul: Jul 1..14 = days 77..90 at 1/300, Jul 15..31 = days 91..107 at 1/130; rate on Jul 31: 9 (< 9.5):
        // 10000 × 0.09 × (14/300 + 17/130) = 900 × 692/3900 = 159.6923 -> 159.69
        ("2026-07", "10000.00", ["2026-03 159.69"]),
        // a credit bears no penalty
        ("2026-07", "-10000.00", []),
    ])
    func accruesAcrossTheThirtyAndNinetyDayBoundaries(period: String, amount: String, expected: [String]) throws {
        #expect(try Self.accrued(period, [Self.debt("2026-03", amount)]) == expected)
    }

    /// Payments settle the oldest debt first, in whatever order the debts and the key rates are given.
    @Test func theOldestDebtIsSettledFirstWhateverTheOrderGiven() throws {
        // 2026-03: 10 000.00 due Apr 15; 2026-04: 5 000.00 due May 15. 5 000.00 paid before May
        // settles half of March's: May 16..31 = days 31..46 at 1/300, rate min(9.5, 16.5):
        // 5000 × 0.095 × 16/300 = 25.3333 -> 25.33; April's is within its first 30 days.
        // (Settling April's first would leave 10 000.00 of March's: 50.67.)
        let march = Self.debt("2026-03", "10000.00"), april = Self.debt("2026-04", "5000.00")
        for debts in [[march, april], [april, march]] {
            for keyRates in [Self.keyRates, Self.keyRates.reversed()] {
                let accrued = try PenaltyCalculator.accrued(in: month("2026-05"), debts: debts, payments: [],
                                                            paidEarlier: rub("5000.00"), category: .household,
                                                            keyRates: keyRates, rules: Fixture.rules)
                #expect(accrued.map { $0.debtPeriod.code + " " + $0.amount.machineString } == ["2026-03 25.33"])
            }
        }
    }

    @Test func nothingAccruesDuringAMoratoriumButTheDaysKeepCounting() throws {
        // 2019-12 due 2020-01-10. Apr 1..5 2020 = days 82..86 at 1/300; from Apr 6 the moratorium.
        // Rate on the calculation date Apr 30: 5.5 (no cap in 2020): 3000 × 0.055 × 5/300 = 2.75
        #expect(try Self.accrued("2020-04", [Self.debt("2019-12", "3000.00")]) == ["2019-12 2.75"])
        #expect(try Self.accrued("2020-06", [Self.debt("2019-12", "3000.00")]) == [])
        // 2022-01 due 2022-02-10: Apr..Sep 2022 moratorium; Oct 1 = day 233, so 1/130 at once:
        // rate min(9.5, 7.5) = 7.5: 1000 × 0.075 × 31/130 = 17.8846 -> 17.88
        #expect(try Self.accrued("2022-06", [Self.debt("2022-01", "1000.00")]) == [])
        #expect(try Self.accrued("2022-10", [Self.debt("2022-01", "1000.00")]) == ["2022-01 17.88"])
    }

    @Test func paymentsSettleTheOldestDebtFirst() throws {
        // D1 5000 (2026-03, due Apr 15), D2 4000 (2026-04, due May 15); 6000 paid Jun 10 clears D1 and 1000 of D2.
        // D1: Jun 1..10 = days 47..56 at 1/300, the payment day included, rate on the payment day Jun 10:
        //     min(9.5, 16.5) = 9.5: 5000 × 0.095 × 10/300 = 15.8333 -> 15.83
        // D2: days 31..46 = Jun 15..30 on the 3000 left, unpaid, rate on Jun 30: 9: 3000 × 0.09 × 16/300 = 14.40
        let debts = [Self.debt("2026-04", "4000.00"), Self.debt("2026-03", "5000.00")]
        #expect(try Self.accrued("2026-06", debts, [Self.payment("2026-06-10", "6000.00")])
            == ["2026-03 15.83", "2026-04 14.40"])
    }

    /// Payments dated before the period count as paid from its first day, one by one or as their sum
    /// (`paidEarlier`, what a later close carries). D1 5000 (2026-03, due Apr 15), D2 4000 (2026-04,
    /// due May 15).
    @Test func paymentsBeforeThePeriodAccrueTheSameAsTheirSum() throws {
        let debts = [Self.debt("2026-03", "5000.00"), Self.debt("2026-04", "4000.00")]
        // 2000 on May 20 and 1000 on May 25, then 3000 on Jun 10. D1: 2000 unpaid Jun 1..10 (days 47..56,
        // 1/300), paid Jun 10 at min(9.5, 16.5) = 9.5: 2000 × 0.095 × 10/300 = 6.3333 -> 6.33. D2: 3000
        // unpaid Jun 15..30 (days 31..46), rate on Jun 30: 9: 3000 × 0.09 × 16/300 = 14.40.
        let oneByOne = try Self.accrued("2026-06", debts, [Self.payment("2026-05-20", "2000.00"), Self.payment("2026-05-25", "1000.00"),
                                                           Self.payment("2026-06-10", "3000.00")])
        #expect(oneByOne == ["2026-03 6.33", "2026-04 14.40"])
        #expect(try Self.accrued("2026-06", debts, [Self.payment("2026-06-10", "3000.00")], paidEarlier: "3000.00") == oneByOne)
        // 5000 on May 20 pays D1; reversed on Jun 5, which reopens it from Jun 6: Jun 6..30 (days 52..76,
        // 1/300) unpaid at Jun 30, rate 9: 5000 × 0.09 × 25/300 = 37.50; D2 4000 × 0.09 × 16/300 = 19.20.
        let reopened = try Self.accrued("2026-06", debts, [Self.payment("2026-05-20", "5000.00"), Self.payment("2026-06-05", "-5000.00")])
        #expect(reopened == ["2026-03 37.50", "2026-04 19.20"])
        #expect(try Self.accrued("2026-06", debts, [Self.payment("2026-06-05", "-5000.00")], paidEarlier: "5000.00") == reopened)
    }

    @Test(arguments: [
        // paid in full on May 20: May 16..20 accrue (the payment day too) at the May 20 rate 9.5:
        // 10000 × 0.095 × 5/300 = 15.8333 -> 15.83
        ([("2026-05-20", "10000.00")], ["2026-03 15.83"]),
        // paid May 5, reversed May 20: nothing owed until the reversal's next day; May 21..31 = 11 days:
        // 10000 × 0.095 × 11/300 = 34.8333 -> 34.83
        ([("2026-05-05", "10000.00"), ("2026-05-20", "-10000.00")], ["2026-03 34.83"]),
        // paid before the due day: nothing
        ([("2026-04-01", "10000.00")], []),
        // partly paid: 4000 on May 1 leaves 6000: 6000 × 0.095 × 16/300 = 30.40
        ([("2026-05-01", "4000.00")], ["2026-03 30.40"]),
    ] as [([(String, String)], [String])])
    func aPaymentsOwnDayStillAccrues(payments: [(String, String)], expected: [String]) throws {
        #expect(try Self.accrued("2026-05", [Self.debt("2026-03", "10000.00")], payments.map { Self.payment($0.0, $0.1) })
            == expected)
    }

    @Test func debtsPaidOffBeforeThePeriodAccrueOnlyWhatAReversalReopens() throws {
        let debts = [Self.debt("2026-03", "10000.00")]
        #expect(try Self.accrued("2026-05", debts, [], paidEarlier: "10000.00") == [])
        #expect(try Self.accrued("2026-05", [], [Self.payment("2026-05-20", "-500.00")], paidEarlier: "10000.00") == [])
        // Overpaid by 2000: a reversal of 1000 on May 20 leaves 11000 paid, still all of it.
        #expect(try Self.accrued("2026-05", debts, [Self.payment("2026-05-20", "-1000.00")], paidEarlier: "12000.00") == [])
        // Reversed in full on May 20, as when the 10000 came on May 5 (above): May 21..31, 11 days:
        // 10000 × 0.095 × 11/300 = 34.8333 -> 34.83.
        #expect(try Self.accrued("2026-05", debts, [Self.payment("2026-05-20", "-10000.00")], paidEarlier: "10000.00")
            == ["2026-03 34.83"])
        // 4000 of it reversed: 4000 × 0.095 × 11/300 = 13.9333 -> 13.93.
        #expect(try Self.accrued("2026-05", debts, [Self.payment("2026-05-20", "-4000.00")], paidEarlier: "10000.00")
            == ["2026-03 13.93"])
    }

    @Test func aCreditPeriodSettlesTheOldestDebt() throws {
        // 5000 owed, a −2000 credit period: 3000 × 0.095 × 16/300 = 15.20
        #expect(try Self.accrued("2026-05", [Self.debt("2026-03", "5000.00"), Self.debt("2026-04", "-2000.00")])
            == ["2026-03 15.20"])
    }

    @Test func businessTiersStartOnDayOne() throws {
        // 2026-09 due Oct 15: Oct 16..31 = 16 days at 1/130, rate 9: 1000 × 0.09 × 16/130 = 11.0769 -> 11.08
        #expect(try Self.accrued("2026-10", [Self.debt("2026-09", "1000.00")], category: .business) == ["2026-09 11.08"])
        #expect(try Self.accrued("2026-10", [Self.debt("2026-09", "1000.00")], category: .household) == [])
    }

    @Test func theRateCapEndsWith2026() throws {
        // Dec 2026: days 47..77 at 1/300, key 12 capped at 9.5: 1000 × 0.095 × 31/300 = 9.8167 -> 9.82
        #expect(try Self.accrued("2026-12", [Self.debt("2026-09", "1000.00")]) == ["2026-09 9.82"])
        // Jan 2027: days 78..90 at 1/300, 91..108 at 1/130, key 12 uncapped:
        // 1000 × 0.12 × (13/300 + 18/130) = 120 × 709/3900 = 21.8154 -> 21.82
        #expect(try Self.accrued("2027-01", [Self.debt("2026-09", "1000.00")]) == ["2026-09 21.82"])
    }

    @Test func aMissingKeyRateIsAnError() {
        #expect(throws: BillingError.self) {
            try PenaltyCalculator.accrued(in: month("2026-05"), debts: [Self.debt("2026-03", "1000.00")], payments: [],
                                          category: .household, keyRates: [], rules: Fixture.rules)
        }
    }

    @Test func aPenaltyLineBearsNoVAT() {
        let accrual = PenaltyAccrual(debtPeriod: month("2026-03"), supplierID: "VODA", amount: rub("50.67"))
        let line = accrual.line(accountID: "1001", period: month("2026-05"), rules: Fixture.rules)
        #expect(line.kind == .penalty)
        #expect(line.refPeriod == month("2026-03"))
        #expect(line.serviceID == "PENI")
        #expect(line.amounts == VATAmounts(net: rub("50.67"), vat: .zero, gross: rub("50.67")))
        #expect(line.price == dec("50.67"))
    }
}

@Suite struct PenaltyDebtTests {
    @Test func debtsArePostedPeriodsGrossWithoutPenalties() throws {
        let october = billedLines(AccountBilling.bill(Fixture.input(["SOD", "FIX"]), period: month("2026-10"),
                                                      rules: Fixture.rules))
        var corrected = Fixture.input(["SOD", "FIX"], account: Fixture.account(area: "40.5"), posted: october)
        corrected.posted = october
        let november = billedLines(AccountBilling.bill(corrected, period: month("2026-11"), rules: Fixture.rules))
        let penalty = PenaltyAccrual(debtPeriod: month("2026-10"), supplierID: nil, amount: rub("9.99"))
            .line(accountID: "1001", period: month("2026-11"), rules: Fixture.rules)
        let debts = try PenaltyDebt.debts(fromPosted: october + november + [penalty], rules: Fixture.rules)
        // Oct: SOD 50.5 × 32 = 1616.00 + 22 % 355.52 = 1971.52, FIX 45.00: 2016.52 due 2026-11-15
        // Nov: SOD 40.5 × 32 = 1296.00 + 285.12 = 1581.12, FIX 45.00, recalc of Oct −10 m2: −320.00 − 70.40 = −390.40:
        //      1235.72 due 2026-12-15; the penalty is not a debt
        #expect(debts == [
            PenaltyDebt(period: month("2026-10"), amount: rub("2016.52"), dueDate: day("2026-11-15")),
            PenaltyDebt(period: month("2026-11"), amount: rub("1235.72"), dueDate: day("2026-12-15")),
        ])
        let bySupplier = try PenaltyDebt.debts(fromPosted: october, bySupplier: true, rules: Fixture.rules)
        #expect(bySupplier.map(\.supplierID) == ["UK"])
        // The lines in any order: each period's sum all the same, oldest first.
        let shuffled = try PenaltyDebt.debts(fromPosted: november + [penalty] + october.reversed(), rules: Fixture.rules)
        #expect(shuffled == debts)
    }
}
