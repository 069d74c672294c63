/// The reduction of a norm-charged service for residents' temporary absence (Правила 354 п. 86–97).
///
/// Formula. SPEC: "reduce the charge by persons absent × full days absent / days in month"; RULES:
/// "monthly charge × full days absent / days in the month, per absent person". Both say the same once
/// the monthly charge is taken **per person** (norm × price, the charge of one resident):
///
///     reduction = monthly charge × Σ(persons × full days in the period) / days in month / residents
///               = norm × Σ(persons × full days in the period) / days in month   × price
///
/// The reduction is a line of its own (component `absence`, negative quantity) at the service's
/// price: quantity = −round6(norm × person-days / days in month), amounts by the ordinary line rule,
/// so the receipt shows it as a recalculation with its reason. It reduces the base volume only (the
/// increasing coefficient concerns premises where a meter *could* be installed, absence recalculation
/// those where it cannot; valid data never has both).
///
/// Which days count: the full days strictly between departure (`dateFrom`) and arrival (`dateTo`);
/// the absence counts only if those exceed `absenceMinimumExcludedDays` (5) in total — judged on the
/// whole absence, then clipped to the period. Persons are capped at the residents count.
public enum AbsenceReduction {
    /// Full absent days of one absence within `period`, 0 if the absence is too short to count.
    public static func fullDays(of absence: Absence, in period: Period, rules: BillingRules) -> Int {
        let first = absence.dateFrom.dayNumber + 1
        let last = absence.dateTo.dayNumber - 1
        guard last - first + 1 > rules.absenceMinimumExcludedDays else { return 0 }
        let clippedFirst = max(first, period.firstDay.dayNumber)
        let clippedLast = min(last, period.lastDay.dayNumber)
        return max(0, clippedLast - clippedFirst + 1)
    }

    /// Σ over the days of `period` of the persons absent that day, over the account's absences.
    ///
    /// Overlapping documents (the same person reported twice, or two documents covering one month)
    /// are merged day by day: on each day at most `residents` persons count, so the reduction never
    /// exceeds the base charge of the residents (it would turn the charge negative otherwise).
    /// - Complexity: O(a × d), d the days in the period.
    public static func personDays(_ absences: [Absence], accountID: String, residents: Int, in period: Period,
                                  rules: BillingRules) -> Int {
        let first = period.firstDay.dayNumber
        var absent = [Int](repeating: 0, count: period.daysInMonth)
        for absence in absences where absence.accountID == accountID && absence.persons > 0 {
            guard let days = countedDays(of: absence, in: period, rules: rules) else { continue }
            for day in days { absent[day - first] = min(residents, absent[day - first] + min(absence.persons, residents)) }
        }
        return absent.reduce(0, +)
    }

    /// Whether two or more of the account's absences that count claim the same day of `period`: the
    /// documents contradict each other and staff should check them (review list).
    /// - Complexity: O(a × d).
    public static func hasOverlap(_ absences: [Absence], accountID: String, in period: Period, rules: BillingRules) -> Bool {
        let first = period.firstDay.dayNumber
        var claimed = [Bool](repeating: false, count: period.daysInMonth)
        for absence in absences where absence.accountID == accountID && absence.persons > 0 {
            guard let days = countedDays(of: absence, in: period, rules: rules) else { continue }
            for day in days {
                if claimed[day - first] { return true }
                claimed[day - first] = true
            }
        }
        return false
    }

    /// The day numbers of `period` an absence counts for, or nil when it does not count there.
    static func countedDays(of absence: Absence, in period: Period, rules: BillingRules) -> ClosedRange<Int>? {
        let days = fullDays(of: absence, in: period, rules: rules)
        guard days > 0 else { return nil }
        let start = max(absence.dateFrom.dayNumber + 1, period.firstDay.dayNumber)
        return start...(start + days - 1)
    }

    /// The (positive) volume to deduct: round6(norm × person-days / days in month).
    public static func volume(norm: ExactDecimal, personDays: Int, in period: Period) -> ExactDecimal {
        let numerator = Int128(norm.micros) * Int128(personDays)
        return ExactDecimal(micros: Int64(divideRoundingHalfAwayFromZero(numerator, by: Int128(period.daysInMonth))))
    }
}
