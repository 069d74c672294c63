import RaschetCore
import RaschetTesting
import Testing


@Suite struct BillingPropertyTests {
    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func everyLineKeepsNetPlusVATEqualToGross(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let rates = [0, 10, 18, 20, 22].map { ExactDecimal($0) }
        for _ in 0..<2_000 {
            let quantity = ExactDecimal(micros: Int64.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random))
            let price = ExactDecimal(micros: Int64.random(in: -100_000_000_000...100_000_000_000, using: &random))
            let mode = VATMode.allCases.randomElement(using: &random)!
            let rate = rates.randomElement(using: &random)!
            let line = try VATCalculation.line(quantity: quantity, price: price, mode: mode, rate: rate)
            #expect(line.net + line.vat == line.gross)
            // The VAT never exceeds the amount it is taken from, and has its sign.
            #expect(line.vat.kopecks.magnitude <= line.gross.kopecks.magnitude)
            #expect(line.vat.kopecks == 0 || (line.vat.kopecks < 0) == (line.gross.kopecks < 0))
            // Negating the quantity mirrors every amount (rounding half away from zero is symmetric).
            let mirror = try VATCalculation.line(quantity: -quantity, price: price, mode: mode, rate: rate)
            #expect(mirror == VATAmounts(net: -line.net, vat: -line.vat, gross: -line.gross))
        }
    }

    /// Closes an account month after month while its data changes at random (area, residents, late
    /// absence documents, readings missing or arriving late, payments), and checks the invariants of
    /// every close: net + vat = gross per line; closing = opening + charged + recalc + penalty − paid;
    /// one close's closing is the next one's opening; and what is posted for a period, charges plus all
    /// recalculations, equals that period recomputed with the final data.
    @Test(arguments: [7, 11, 99, 1234, 65_537] as [UInt64])
    func closesKeepBalancesAndRecalculationsConsistent(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let rules = Fixture.rules
        let meter = Meter(id: "M1", accountID: "1001", serviceID: "HVS", digits: 5)
        var account = Fixture.account(area: "50.5", residents: 2)
        var readings: [Reading] = [Reading(meterID: "M1", date: day("2025-01-20"), value: dec("99000"))]
        var value = ExactDecimal(99_000)
        var absences: [Absence] = []
        var posted: [ChargeLine] = []
        var debts: [PenaltyDebt] = []
        var payments: [Payment] = []
        var opening = Money.zero
        var period = month("2025-02")
        for _ in 0..<18 {
            // Data changes before this close.
            if Int.random(in: 0..<4, using: &random) == 0 {
                account.area = ExactDecimal(micros: Int64.random(in: 10_000_000...200_000_000, using: &random))
            }
            if Int.random(in: 0..<5, using: &random) == 0 { account.residents = Int.random(in: 0...5, using: &random) }
            if Int.random(in: 0..<3, using: &random) == 0 {
                let earlier = Period(ordinal: period.ordinal - Int.random(in: 0...3, using: &random))
                let from = earlier.firstDay.adding(days: Int.random(in: 0...20, using: &random))
                absences.append(Absence(accountID: "1001", dateFrom: from,
                                        dateTo: from.adding(days: Int.random(in: 2...25, using: &random)),
                                        persons: Int.random(in: 1...3, using: &random)))
            }
            if Int.random(in: 0..<3, using: &random) != 0 {
                value += ExactDecimal(micros: Int64.random(in: 0...30_000_000, using: &random))
                let wrapped = value.micros >= 100_000_000_000
                if wrapped { value = ExactDecimal(micros: value.micros - 100_000_000_000) }
                let date = CivilDate(year: period.year, month: period.month, day: Int.random(in: 1...28, using: &random))!
                readings.append(Reading(meterID: "M1", date: date, value: value, rollover: wrapped))
            }
            let input = AccountBillingInput(account: account, services: Fixture.services,
                                            accountServices: Fixture.connect(["HVS", "HVSN", "SOD", "FIX"]),
                                            tariffs: Fixture.tariffs, meters: [meter], readings: readings,
                                            absences: absences, posted: posted)
            let lines = try #require(AccountBilling.bill(input, period: period, rules: rules).lines)
            for line in lines { #expect(line.net + line.vat == line.gross) }

            let due = lines.reduce(Money.zero) { $0 + $1.gross }
            debts.append(try PenaltyDebt(period: period, amount: due, rules: rules))
            let periodPayments = (0..<Int.random(in: 0...2, using: &random)).map { index in
                Payment(id: period.code + String(index), accountID: "1001",
                        date: period.firstDay.adding(days: Int.random(in: 0..<period.daysInMonth, using: &random)),
                        amount: Money(kopecks: Int64.random(in: -50_000...400_000, using: &random)))
            }
            payments += periodPayments
            let penalties = try PenaltyCalculator.accrued(in: period, debts: debts, payments: payments, category: .household,
                                                          keyRates: PenaltyCalculatorTests.keyRates, rules: rules)
                .map { $0.line(accountID: "1001", period: period, rules: rules) }
            for line in penalties { #expect(line.net + line.vat == line.gross && line.vat == .zero) }

            let balance = AccountBalance(opening: opening, lines: lines + penalties, payments: periodPayments)
            #expect(balance.closing == balance.opening + balance.charged + balance.recalc + balance.penalty - balance.paid)
            let everything = (lines + penalties).reduce(Money.zero) { $0 + $1.gross }
                - periodPayments.reduce(Money.zero) { $0 + $1.amount }
            #expect(balance.closing == opening + everything)
            opening = balance.closing
            posted += lines
            period = period.next
        }

        // The random changes did reach earlier periods (the run is seeded, so this is a fixed fact).
        #expect(posted.contains { $0.kind == .recalc })
        #expect(posted.contains { $0.basis == .average })

        // Posted charges + recalcs of every period equal its recomputation with the final data.
        let last = period.previous
        let final = AccountBillingInput(account: account, services: Fixture.services,
                                        accountServices: Fixture.connect(["HVS", "HVSN", "SOD", "FIX"]),
                                        tariffs: Fixture.tariffs, meters: [meter], readings: readings, absences: absences)
        let histories = try AccountBilling.registerHistories(final, asOf: last, rules: rules)
        for ordinal in month("2025-02").ordinal...last.ordinal {
            let ref = Period(ordinal: ordinal)
            let should = try AccountBilling.lines(final, for: ref, postedIn: last, histories: histories, rules: rules)
            let sum = posted.filter { $0.refPeriod == ref }.reduce(Money.zero) { $0 + $1.gross }
            #expect(sum == should.reduce(Money.zero) { $0 + $1.gross }, "period \(ref)")
        }
    }
}

@Suite struct PenaltyPropertyTests {
    /// Paying more, or earlier, never increases a penalty; a penalty is never negative.
    @Test(arguments: [5, 17, 123] as [UInt64])
    func payingMoreNeverIncreasesThePenalty(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let rules = Fixture.rules
        for _ in 0..<200 {
            let first = Period(ordinal: month("2025-01").ordinal + Int.random(in: 0..<20, using: &random))
            let debts = try (0..<Int.random(in: 1...4, using: &random)).map { offset in
                try PenaltyDebt(period: Period(ordinal: first.ordinal + offset),
                                amount: Money(kopecks: Int64.random(in: -100_000...2_000_000, using: &random)), rules: rules)
            }
            let period = Period(ordinal: first.ordinal + Int.random(in: 2...8, using: &random))
            let date = period.firstDay.adding(days: Int.random(in: 0..<period.daysInMonth, using: &random))
            let amount = Money(kopecks: Int64.random(in: 0...3_000_000, using: &random))
            func penalty(_ payments: [Payment]) throws -> Money {
                try PenaltyCalculator.accrued(in: period, debts: debts, payments: payments, category: .household,
                                              keyRates: PenaltyCalculatorTests.keyRates, rules: rules)
                    .reduce(Money.zero) { $0 + $1.amount }
            }
            let none = try penalty([])
            let paid = try penalty([Payment(id: "p", accountID: "1001", date: date, amount: amount)])
            let earlier = try penalty([Payment(id: "p", accountID: "1001", date: date.adding(days: -3), amount: amount)])
            #expect(none >= .zero)
            #expect(paid <= none)
            #expect(earlier <= paid)
        }
    }
}
