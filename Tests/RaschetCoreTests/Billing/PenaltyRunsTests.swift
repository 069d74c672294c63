import RaschetCore
import RaschetTesting
import Testing

/// The calculator sums runs of days over which nothing changes; summed day by day, as the rule
/// reads, the penalties are the same to the kopeck. Random debts (credits among them), payments
/// (reversals among them) before and within ranges of up to four months from 2020 to 2026, across
/// the moratoria, the rate cap's end and key rate changes, for households and businesses.
@Suite struct PenaltyRunsTests {
    @Test(arguments: [1, 7, 99, 2026] as [UInt64])
    func runsOfDaysAccrueWhatEachDayDoes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let rules = Fixture.rules
        let keyRates = PenaltyCalculatorTests.keyRates
        for _ in 0..<150 {
            let from = day("2020-03-01").adding(days: Int.random(in: 0...2_450, using: &random))
            let through = from.adding(days: Int.random(in: 0...120, using: &random))
            var due = from.adding(days: -Int.random(in: 0...200, using: &random))
            let debts = (0..<Int.random(in: 1...6, using: &random)).map { index -> PenaltyDebt in
                due = due.adding(days: Int.random(in: 0...40, using: &random))
                return PenaltyDebt(period: Period(ordinal: 24_000 + index), amount: Money(kopecks: Int64.random(in: -100_000...2_000_000, using: &random)),
                                   dueDate: due)
            }
            let payments = (0..<Int.random(in: 0...5, using: &random)).map { index in
                Payment(id: "P\(index)", accountID: "1001", date: from.adding(days: Int.random(in: -60...130, using: &random)),
                        amount: Money(kopecks: Int64.random(in: -50_000...1_500_000, using: &random)))
            }
            let paidEarlier = Money(kopecks: Int64.random(in: 0...1_000_000, using: &random))
            let category: ConsumerCategory = Bool.random(using: &random) ? .household : .business
            let accrued = try PenaltyCalculator.accrued(from: from, through: through, debts: debts, payments: payments,
                                                       paidEarlier: paidEarlier, category: category, keyRates: keyRates,
                                                       rules: rules, calculationDate: through)
            let expected = Self.dayByDay(from: from, through: through, debts: debts, payments: payments, paidEarlier: paidEarlier,
                                         tiers: rules.tiers(for: category), keyRates: keyRates, rules: rules)
            #expect(accrued.map { "\($0.debtPeriod.code) \($0.amount.machineString)" } == expected,
                    "\(from.isoString)...\(through.isoString)")
        }
    }

    /// A debtor of many months: up to three years of monthly debts, due a month apart, most of them
    /// past their last tier before the range (they start no run), a few paid within it; under the
    /// legal tiers, and under tiers with a gap (1/130 on days 1–10, nothing on 11–40, 1/300 from 41).
    @Test(arguments: [(3, false), (41, false), (5, true)] as [(UInt64, Bool)])
    func manyMonthsOfDebtsAccrueWhatEachDayDoes(seed: UInt64, gap: Bool) throws {
        var random = SplitMix64(seed: seed)
        var rules = Fixture.rules
        if gap {
            rules.penaltyTiers[.household] = PenaltyTierTable([.init(fromDay: 1, divisor: 130), .init(fromDay: 11, divisor: nil),
                                                               .init(fromDay: 41, divisor: 300)])
        }
        let keyRates = PenaltyCalculatorTests.keyRates
        for _ in 0..<40 {
            let period = Period(ordinal: month("2023-01").ordinal + Int.random(in: 0...44, using: &random))
            let debts = try (1...Int.random(in: 2...36, using: &random)).reversed().map { back in
                try PenaltyDebt(period: Period(ordinal: period.ordinal - back),
                                amount: Money(kopecks: Int64.random(in: -20_000...900_000, using: &random)), rules: rules)
            }
            let payments = (0..<Int.random(in: 0...3, using: &random)).map { index in
                Payment(id: "P\(index)", accountID: "1001", date: period.firstDay.adding(days: Int.random(in: -20...29, using: &random)),
                        amount: Money(kopecks: Int64.random(in: 0...2_500_000, using: &random)))
            }
            let paidEarlier = Money(kopecks: Int64.random(in: 0...3_000_000, using: &random))
            let accrued = try PenaltyCalculator.accrued(in: period, debts: debts, payments: payments, paidEarlier: paidEarlier,
                                                       category: .household, keyRates: keyRates, rules: rules)
            let expected = Self.dayByDay(from: period.firstDay, through: period.lastDay, debts: debts, payments: payments,
                                         paidEarlier: paidEarlier, tiers: rules.tiers(for: .household), keyRates: keyRates,
                                         rules: rules)
            #expect(accrued.map { "\($0.debtPeriod.code) \($0.amount.machineString)" } == expected, "\(period.code)")
        }
    }

    /// The rule day by day: on each day outside the moratoria, each positive debt (oldest first,
    /// on the cumulative paid axis after the credits and `paidEarlier`) accrues 1/divisor of the
    /// rate on its part unpaid at the day's start, each slice at the rate of the day it is paid
    /// (the key rate then, capped by the day's cap), unpaid ones at the rate of `through`; summed
    /// exactly per debt and rounded once, half away from zero.
    static func dayByDay(from: CivilDate, through: CivilDate, debts: [PenaltyDebt], payments: [Payment], paidEarlier: Money,
                         tiers: PenaltyTierTable, keyRates: [KeyRate], rules: BillingRules) -> [String] {
        let credit = debts.filter { $0.amount < .zero }.reduce(Int64(0)) { $0 - $1.amount.kopecks }
        let positive = debts.filter { $0.amount > .zero }
        let start = credit + paidEarlier.kopecks
        let byDay = Dictionary(grouping: payments, by: \.date).mapValues { $0.reduce(Int64(0)) { $0 + $1.amount.kopecks } }
        let dates = byDay.keys.sorted()
        func paid(after date: CivilDate) -> Int64 { dates.filter { $0 <= date }.reduce(start) { $0 + byDay[$1]! } }
        func rate(_ on: CivilDate, accruing day: CivilDate) -> Int128 {
            var rate = keyRates.last { $0.validFrom <= on }!.rate
            for cap in rules.penaltyRateCaps where cap.dates.contains(day) { rate = min(rate, cap.cap) }
            return Int128(rate.micros)
        }
        let denominator = Int128(tiers.commonDenominator)
        var low: Int64 = 0
        var result: [String] = []
        for debt in positive {
            let high = low + debt.amount.kopecks
            var sum: Int128 = 0
            var day = from
            while day <= through {
                defer { day = day.adding(days: 1) }
                guard !rules.penaltyMoratoria.contains(where: { $0.contains(day) }),
                      let divisor = tiers.divisor(forDay: day.dayNumber - debt.dueDate.dayNumber) else { continue }
                var reached = paid(after: day.adding(days: -1))
                let unpaidFrom = max(low, reached)
                guard unpaidFrom < high else { continue }
                for date in dates where date >= day && date <= through {
                    let next = max(reached, paid(after: date))
                    let slice = min(high, next) - max(unpaidFrom, reached)
                    if slice > 0 { sum += Int128(slice) * rate(date, accruing: day) * (denominator / Int128(divisor)) }
                    reached = next
                }
                if max(unpaidFrom, reached) < high {
                    sum += Int128(high - max(unpaidFrom, reached)) * rate(through, accruing: day) * (denominator / Int128(divisor))
                }
            }
            low = high
            let unit = denominator * 100 * 1_000_000
            var kopecks = sum / unit
            if 2 * (sum % unit).magnitude >= unit.magnitude { kopecks += sum < 0 ? -1 : 1 }
            if kopecks != 0 { result.append("\(debt.period.code) \(Money(kopecks: Int64(kopecks)).machineString)") }
        }
        return result
    }
}
