/// A result staff should check before printing: the close's review list of implausible charges
/// (SPEC section 4).
public struct ReviewFlag: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// A metered consumption above `BillingRules.reviewConsumptionFactor` × the register's average.
        case consumptionAboveAverage = "consumption_above_average"
        /// The period's lines (charges and recalculations) total less than zero.
        case negativeTotal = "negative_total"
        /// Two or more absence documents of the account claim the same days of the period (merged
        /// before the reduction; the documents contradict each other).
        case overlappingAbsences = "overlapping_absences"
    }

    public var accountID: String
    public var serviceID: String?
    public var zone: Zone?
    public var period: Period
    public var reason: Reason
    /// What staff read in the review list.
    public var message: String

    public init(accountID: String, serviceID: String? = nil, zone: Zone? = nil, period: Period, reason: Reason,
                message: String) {
        self.accountID = accountID; self.serviceID = serviceID; self.zone = zone; self.period = period
        self.reason = reason; self.message = message
    }

    /// The review flags of an account's lines for `period` (the output of `AccountBilling.bill`).
    ///
    /// - a `charge` line of the period measured by readings whose quantity exceeds the factor times
    ///   the sum, over the service's registers in that zone, of each register's average monthly
    ///   consumption up to its last reading before the period (the estimation average);
    /// - a negative total of all the lines;
    /// - absence documents that overlap within the period.
    /// - Parameter histories: the account's register histories as of `period`, when the caller has them
    ///   (`AccountBilling.bill` returns those it billed with); nil builds them.
    /// - Complexity: O(lines × registers × periods with readings).
    public static func flags(for lines: [ChargeLine], input: AccountBillingInput, period: Period,
                             rules: BillingRules, histories: [RegisterHistory]? = nil) -> [ReviewFlag] {
        var flags: [ReviewFlag] = []
        let histories = histories ?? (try? AccountBilling.registerHistories(input, asOf: period, rules: rules)) ?? []
        for line in lines where line.kind == .charge && line.refPeriod == period && line.basis == .reading {
            let meterIDs = Set(input.meters.filter { $0.accountID == input.account.id && $0.serviceID == line.serviceID }.map(\.id))
            var average = ExactDecimal.zero
            for history in histories where meterIDs.contains(history.meterID) && history.zone == line.zone {
                if let index = history.closings.lastIndex(where: { $0.period < period }),
                   let value = history.average(at: index, rules: rules) {
                    // A sum beyond Int64 saturates: its threshold is then never exceeded (no flag).
                    average = (try? average.adding(value)) ?? ExactDecimal(micros: .max)
                }
            }
            // A threshold too large to compute is never exceeded.
            if average > .zero, let threshold = try? average.multiplied(by: rules.reviewConsumptionFactor),
               line.quantity > threshold {
                flags.append(ReviewFlag(
                    accountID: input.account.id, serviceID: line.serviceID, zone: line.zone, period: period,
                    reason: .consumptionAboveAverage,
                    message: "Расход " + line.quantity.russianString + " " + line.unit + " больше "
                        + rules.reviewConsumptionFactor.russianString + " × среднемесячного " + average.russianString))
            }
        }
        if AbsenceReduction.hasOverlap(input.absences, accountID: input.account.id, in: period, rules: rules) {
            flags.append(ReviewFlag(accountID: input.account.id, period: period, reason: .overlappingAbsences,
                                    message: "Документы о временном отсутствии пересекаются; дни объединены"))
        }
        let total = lines.reduce(Money.zero) { $0 + $1.gross }
        if total < .zero {
            flags.append(ReviewFlag(accountID: input.account.id, period: period, reason: .negativeTotal,
                                    message: "Отрицательная сумма начислений за период: " + total.russianString))
        }
        return flags
    }
}
