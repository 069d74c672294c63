/// Penalty corrections for payments that reach a close after the period of their date was closed
/// (late bank registers, reversals dated back): ЖК ст. 155 ч. 14 stops the penalty on the day a
/// debt is paid, whenever the register arrives.
///
/// When a close posts a payment dated before its period, every earlier period `Q` from the
/// payment's month on is recomputed as its own close computed it — the debts of the lines posted
/// before `Q`, accrual days of `Q`, rates unpaid at `Q`'s last day — but with all the payments now
/// known dated up to `Q`'s last day. The difference between that and what is posted for `Q` (its
/// `penalty` lines plus earlier penalty corrections of `Q`) is posted in the current period as a
/// line of kind `recalc`, service `BillingRules.penaltyServiceID`, component `penalty`, reference
/// period `Q`, no VAT: one line per corrected period (and supplier, when penalties are kept per
/// supplier). The balance counts it under `recalc`; penalty debts never include it (penalties bear
/// no penalties) and the charge recalculations never match it.
///
/// Only payments posted by the current close trigger it, so a rerun after a crash gives the same
/// lines, and a period whose penalties were already corrected is not corrected again.
public enum PenaltyRecalculation {
    /// What documents call penalty lines, whose service (the rules' `penaltyServiceID`) is no
    /// service of the services list.
    public static let documentName = "Пени"

    /// Whether `line` is a penalty or a penalty correction (never a debt, never a charge to recompute).
    public static func isPenalty(_ line: ChargeLine) -> Bool {
        line.kind == .penalty || line.component == .penalty
    }

    /// Whether the close of `period` recomputes penalties of closed periods: it posts a payment dated
    /// before the period. Only then does it need the lines posted from `firstCorrected` on.
    public static func isTriggered(period: Period, newPayments: [Payment]) -> Bool {
        firstCorrected(period: period, newPayments: newPayments) != nil
    }

    /// The period of the earliest payment the close of `period` posts dated before it: the first
    /// whose penalties it corrects (none were posted before the account's first close). Nil when
    /// no such payment is posted.
    public static func firstCorrected(period: Period, newPayments: [Payment]) -> Period? {
        newPayments.lazy.map(\.date).filter { $0 < period.firstDay }.min()?.period
    }

    /// The correction lines of the close of `period` for `accountID`.
    /// - Parameters:
    ///   - earlier: the lines posted by earlier closes for the account, penalties included: all of
    ///     them, or, with `earlierDebts`, at least those of the closes from `firstCorrected` on (a
    ///     corrected period's penalties and their corrections).
    ///   - earlierDebts: the debts of every earlier close (`AccountCloseInput.earlierDebts`), or of
    ///     those after `settled.through`; nil: taken from `earlier`.
    ///   - settled: with `earlierDebts`, the debts left out of them, paid for good before the first
    ///     day of `firstCorrected` (by the payments `paidEarlier` stands for): they accrue nothing in
    ///     any corrected period.
    ///   - payments: the account's payments dated up to `period`'s last day: all of them, or those
    ///     from the first day of `firstCorrected` on when `paidEarlier` stands for the others.
    ///   - paidEarlier: the sum of the payments dated before `firstCorrected` that `payments` leaves
    ///     out (every corrected period starts after them, so that only their sum counts).
    ///   - newPayments: the payments this close posts (the trigger: those dated before `period`).
    /// - Complexity: O(q × runs × debts × payment dates) for q corrected periods (`PenaltyCalculator`);
    ///   nothing when no late payment is posted.
    public static func lines(accountID: String, period: Period, earlier: [ChargeLine], earlierDebts: [EarlierDebt]? = nil,
                             settled: SettledDebts? = nil, payments: [Payment], paidEarlier: Money = .zero,
                             newPayments: [Payment], category: ConsumerCategory, keyRates: [KeyRate],
                             rules: BillingRules) throws(BillingError) -> [ChargeLine] {
        let firstDebt = [earlierDebts?.lazy.map(\.period).min(), settled?.through].compactMap { $0 }.min()
        guard let firstCorrected = firstCorrected(period: period, newPayments: newPayments),
              let firstClosed = [firstDebt, earlier.lazy.map(\.period).min()].compactMap({ $0 }).min() else { return [] }
        let paidBefore = try paidEarlier.adding(settled?.offset ?? .zero)
        var result: [ChargeLine] = []
        for ordinal in max(firstCorrected, firstClosed).ordinal..<period.ordinal {
            let corrected = Period(ordinal: ordinal)
            let debts: [PenaltyDebt]
            if let earlierDebts {
                debts = try PenaltyDebt.debts(amounts: earlierDebts.filter { $0.period < corrected }, rules: rules)
            } else {
                debts = try PenaltyDebt.debts(fromPosted: earlier.filter { $0.period < corrected }, rules: rules)
            }
            let accruals = try PenaltyCalculator.accrued(in: corrected, debts: debts,
                                                        payments: payments.filter { $0.date <= corrected.lastDay },
                                                        paidEarlier: paidBefore, category: category, keyRates: keyRates,
                                                        rules: rules)
            var should: [String: Money] = [:]
            for accrual in accruals {
                should[accrual.supplierID ?? "", default: .zero] = try should[accrual.supplierID ?? "", default: .zero]
                    .adding(accrual.amount)
            }
            var posted: [String: Money] = [:]
            for line in earlier where (line.kind == .penalty && line.period == corrected)
                || (line.kind == .recalc && line.component == .penalty && line.refPeriod == corrected) {
                posted[line.supplierID, default: .zero] = try posted[line.supplierID, default: .zero].adding(line.gross)
            }
            for supplier in Set(should.keys).union(posted.keys).sorted() {
                let difference = try (should[supplier] ?? .zero).adding(-(posted[supplier] ?? .zero))
                guard difference != .zero else { continue }
                result.append(line(accountID: accountID, supplierID: supplier, period: period, corrected: corrected,
                                   amount: difference, rules: rules))
            }
        }
        return result
    }

    /// A correction of `corrected`'s penalties by `amount`, posted in `period`.
    static func line(accountID: String, supplierID: String, period: Period, corrected: Period, amount: Money,
                     rules: BillingRules) -> ChargeLine {
        ChargeLine(accountID: accountID, serviceID: rules.penaltyServiceID, supplierID: supplierID, period: period,
                   kind: .recalc, refPeriod: corrected, component: .penalty, basis: .penalty, quantity: .one, unit: "",
                   price: ExactDecimal(micros: amount.kopecks * 10_000), vatMode: .exempt, vatRate: .zero,
                   amounts: VATAmounts(net: amount, vat: .zero, gross: amount))
    }
}
