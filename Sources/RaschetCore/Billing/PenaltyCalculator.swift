/// Penalties (пени) on overdue debt, ЖК ст. 155 ч. 14, with the tables of `BillingRules`.
///
/// Rules, per debt and per calendar day `d` of the range:
/// - the day of delay is `d − dueDate` (day 1 = the day after the due day); the consumer category's
///   tier table gives the daily share 1/divisor of the rate, or nothing (days 1–30 for households);
/// - on a moratorium day nothing accrues, but the days of delay keep counting;
/// - the amount accruing on day `d` is the debt's part still unpaid at the start of `d`: payments
///   settle the oldest debt first (by due date, then period, then supplier), and a payment takes
///   effect the day after its date ("a payment's own day still accrues on the amount before it");
///   credits (negative debts) settle from the start; a negative payment (reversal) reopens the
///   newest settled part — settlement is a waterfall of the cumulative amount paid;
/// - the rate is the key rate in force on the day the part is eventually paid, or, for a part still
///   unpaid at `calculationDate`, on `calculationDate`; on an accrual day inside a cap range the rate
///   is min(cap, key rate).
///
/// Exactness: per debt, Σ over days and parts of kopecks × rate micros × (L / divisor), with L the
/// common denominator of the tier divisors, is summed exactly in `Int128` and rounded **once** to
/// kopecks, half away from zero: penalty = round(Σ / (L × 100 × 10^6)). One accrual per debt with a
/// non-zero amount, oldest first.
public enum PenaltyCalculator {
    /// Penalties accrued from `period`'s first to last day, rates unpaid at the period's last day.
    /// `paidEarlier` is the sum of payments dated before the period that `payments` leaves out.
    public static func accrued(in period: Period, debts: [PenaltyDebt], payments: [Payment], paidEarlier: Money = .zero,
                               category: ConsumerCategory, keyRates: [KeyRate],
                               rules: BillingRules) throws(BillingError) -> [PenaltyAccrual] {
        try accrued(from: period.firstDay, through: period.lastDay, debts: debts, payments: payments, paidEarlier: paidEarlier,
                    category: category, keyRates: keyRates, rules: rules, calculationDate: period.lastDay)
    }

    /// Penalties accrued on the days `from...through`.
    ///
    /// `paidEarlier` is the sum of payments dated before `from` that `payments` leaves out: they
    /// count as paid before the first accrual day, as they would one by one. A part they paid accrues
    /// nothing in the range, so the day each was paid (which sets a part's rate) never matters.
    /// - Complexity: O(runs × debts × payment dates) plus sorting, the runs being the stretches of
    ///   days over which nothing changes (`runs`): a few per debt and payment date, not one per day.
    public static func accrued(from: CivilDate, through: CivilDate, debts: [PenaltyDebt], payments: [Payment],
                               paidEarlier: Money = .zero, category: ConsumerCategory, keyRates: [KeyRate],
                               rules: BillingRules, calculationDate: CivilDate) throws(BillingError) -> [PenaltyAccrual] {
        // Oldest first; prefix sums place each positive debt on the cumulative-paid axis, and credits
        // settle from the start.
        let ordered = oldestFirst(debts)
        var positive: [PositiveDebt] = []
        positive.reserveCapacity(ordered.count)
        var prefix: Int64 = 0
        var credit: Int64 = 0
        for index in ordered.indices {
            let kopecks = ordered[index].amount.kopecks
            if kopecks > 0 {
                positive.append(PositiveDebt(index: index, low: prefix, high: prefix + kopecks,
                                             dueDay: ordered[index].dueDate.dayNumber))
                prefix += kopecks
            } else {
                credit -= kopecks
            }
        }
        // Credits and the earlier payments' sum settle from the start.
        let (start, startOverflow) = credit.addingReportingOverflow(paidEarlier.kopecks)
        guard !startOverflow else { throw BillingError.overflow("сумма оплат " + Money(kopecks: credit).machineString + " + " + paidEarlier.machineString) }

        // Cumulative paid at the end of each payment date.
        var byDate: [(date: CivilDate, cumulative: Int64)] = []
        byDate.reserveCapacity(payments.count)
        var cumulative = start
        let inDateOrder = payments.indices.dropFirst().allSatisfy { payments[$0 - 1].date <= payments[$0].date }
        for payment in inDateOrder ? payments : payments.sorted(by: { $0.date < $1.date }) {
            // Each payment is within the import's range, but millions of them to one account could
            // leave Int64: that parks the account.
            let (sum, overflow) = cumulative.addingReportingOverflow(payment.amount.kopecks)
            guard !overflow else { throw BillingError.overflow("сумма оплат " + Money(kopecks: cumulative).machineString + " + " + payment.amount.machineString) }
            cumulative = sum
            if let last = byDate.last, last.date == payment.date {
                byDate[byDate.count - 1].cumulative = cumulative
            } else {
                byDate.append((payment.date, cumulative))
            }
        }

        // No day has an unpaid part when there is no debt, or when what is paid covers every debt from
        // the start (earlier payments, credits) and never falls below their sum (no reversal reopens one).
        guard from <= through, !positive.isEmpty, start < prefix || byDate.contains(where: { $0.cumulative < prefix }) else {
            return []
        }
        let tiers = rules.tiers(for: category)
        // The debts below the least amount paid on any day of the range (earlier payments, credits,
        // less any reversal) are settled on every day: they accrue nothing and are not looked at; nor
        // are those with no day of delay in the range that bears a share (not late enough yet).
        let leastPaid = byDate.reduce(start) { min($0, $1.cumulative) }
        let firstOpen = positive.firstIndex { $0.high > leastPaid } ?? positive.count
        let firstDay = from.dayNumber, lastDay = through.dayNumber
        let accruing = positive[firstOpen...].filter {
            tiers.accrues(fromDay: firstDay - $0.dueDay, throughDay: lastDay - $0.dueDay)
        }
        guard !accruing.isEmpty else { return [] }
        // The store gives the key rates in date order: kept as they are, not copied.
        let inOrder = zip(keyRates, keyRates.dropFirst()).allSatisfy { $0.validFrom <= $1.validFrom }
        let rates = inOrder ? keyRates : keyRates.sorted { $0.validFrom < $1.validFrom }
        // Per accruing debt, Σ over days of kopecks × rate micros × share.
        var sums = [Int128](repeating: 0, count: accruing.count)
        // Every day of a run accrues alike: the runs start where a moratorium, a rate cap, a debt's
        // tier or the amount paid (the day after a payment date) changes.
        let runs = Self.runs(from: from, through: through, paymentDates: byDate.lazy.map(\.date),
                             dueDays: accruing.lazy.map(\.dueDay), tiers: tiers, rules: rules)
        for (dayNumber, days) in runs {
            let day = CivilDate(dayNumber: dayNumber)
            if rules.penaltyMoratoria.contains(where: { $0.contains(day) }) { continue }
            let paidBefore = byDate.last(where: { $0.date < day })?.cumulative ?? start
            // The rate of a part unpaid at `calculationDate`, looked up once per run when needed.
            var unpaidRate: Int128?
            for (position, debt) in accruing.enumerated() {
                guard let share = tiers.share(forDay: dayNumber - debt.dueDay) else { continue }
                let low = max(paidBefore, debt.low)
                let high = debt.high
                guard low < high else { continue }
                // The unpaid part's kopecks × rate micros, split by the date each slice is eventually paid.
                var part: Int128 = 0
                var reached = paidBefore
                for group in byDate where group.date >= day && group.date <= calculationDate {
                    let next = max(reached, group.cumulative)
                    let sliceLow = max(low, reached)
                    let sliceHigh = min(high, next)
                    if sliceLow < sliceHigh {
                        let rate = try rate(on: group.date, accruing: day, rates: rates, rules: rules)
                        part += Int128(sliceHigh - sliceLow) * Int128(rate.micros)
                    }
                    reached = next
                }
                if max(low, reached) < high {
                    let rate: Int128
                    if let unpaidRate {
                        rate = unpaidRate
                    } else {
                        rate = Int128(try Self.rate(on: calculationDate, accruing: day, rates: rates, rules: rules).micros)
                        unpaidRate = rate
                    }
                    part += Int128(high - max(low, reached)) * rate
                }
                sums[position] += part * Int128(share * days)
            }
        }

        var result: [PenaltyAccrual] = []
        result.reserveCapacity(sums.count)
        // A debt that accrued nothing (settled, or not late enough) rounds to nothing.
        let divisor = Int128(tiers.commonDenominator) * 100 * 1_000_000
        for (position, sum) in sums.enumerated() where sum != 0 {
            let debt = ordered[accruing[position].index]
            let kopecks = divideRoundingHalfAwayFromZero(sum, by: divisor)
            guard kopecks.magnitude <= UInt128(Money.limit.kopecks) else {
                throw BillingError.overflow("пени на долг " + debt.period.code + " " + debt.amount.machineString)
            }
            if kopecks != 0 {
                result.append(PenaltyAccrual(debtPeriod: debt.period, supplierID: debt.supplierID,
                                             amount: Money(kopecks: Int64(kopecks))))
            }
        }
        return result
    }

    /// A debt above zero on the cumulative-paid axis: `ordered[index]` of `accrued`, paid once the
    /// cumulative amount paid reaches `high`, from `low` on.
    private struct PositiveDebt {
        var index: Int
        var low: Int64
        var high: Int64
        var dueDay: Int
    }

    /// The days `from...through` as runs (first day number, count) over which nothing the accrual
    /// reads changes: a run starts at `from`, on the first and the day after the last of each
    /// moratorium and rate cap, on the day after each payment date, and on each debt's first day of
    /// delay and of each of its tiers.
    /// - Complexity: O(b log b) for b such days.
    static func runs(from: CivilDate, through: CivilDate, paymentDates: some Sequence<CivilDate>, dueDays: some Sequence<Int>,
                     tiers: PenaltyTierTable, rules: BillingRules) -> [(dayNumber: Int, days: Int)] {
        let first = from.dayNumber, last = through.dayNumber
        var starts = [first]
        starts.reserveCapacity(1 + 2 * (rules.penaltyMoratoria.count + rules.penaltyRateCaps.count)
                                 + paymentDates.underestimatedCount + dueDays.underestimatedCount * (1 + tiers.tiers.count))
        func add(_ dayNumber: Int) { if dayNumber > first && dayNumber <= last { starts.append(dayNumber) } }
        for range in rules.penaltyMoratoria { add(range.lowerBound.dayNumber); add(range.upperBound.dayNumber + 1) }
        for cap in rules.penaltyRateCaps { add(cap.dates.lowerBound.dayNumber); add(cap.dates.upperBound.dayNumber + 1) }
        for date in paymentDates { add(date.dayNumber + 1) }
        for due in dueDays {
            add(due + 1)
            for tier in tiers.tiers { add(due + tier.fromDay) }
        }
        starts.sort()
        var runs: [(dayNumber: Int, days: Int)] = []
        runs.reserveCapacity(starts.count)
        for start in starts where start != runs.last?.dayNumber {
            if let previous = runs.indices.last { runs[previous].days = start - runs[previous].dayNumber }
            runs.append((start, last + 1 - start))
        }
        return runs
    }

    /// `debts` ordered by due date, then period, then supplier, equal ones in their order. They
    /// usually come in that order (`PenaltyDebt.debts`), and are then returned as they are.
    static func oldestFirst(_ debts: [PenaltyDebt]) -> [PenaltyDebt] {
        func precedes(_ a: PenaltyDebt, _ b: PenaltyDebt) -> Bool {
            // The suppliers (strings) compared only between debts due the same day of the same period.
            guard a.dueDate == b.dueDate else { return a.dueDate < b.dueDate }
            guard a.period == b.period else { return a.period < b.period }
            return (a.supplierID ?? "") < (b.supplierID ?? "")
        }
        if debts.indices.dropFirst().allSatisfy({ !precedes(debts[$0], debts[$0 - 1]) }) { return debts }
        return debts.enumerated().sorted { a, b in
            precedes(a.element, b.element) || (!precedes(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
    }

    /// The key rate in force on `rateDate`, capped if `accrualDay` lies in a cap range.
    static func rate(on rateDate: CivilDate, accruing accrualDay: CivilDate, rates: [KeyRate],
                     rules: BillingRules) throws(BillingError) -> ExactDecimal {
        guard let keyRate = rates.last(where: { $0.validFrom <= rateDate }) else {
            throw BillingError(code: .noKeyRate, message: .noKeyRate(rateDate))
        }
        var rate = keyRate.rate
        for cap in rules.penaltyRateCaps where cap.dates.contains(accrualDay) { rate = min(rate, cap.cap) }
        return rate
    }
}
