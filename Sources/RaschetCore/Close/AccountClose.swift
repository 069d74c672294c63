/// The monthly close of one account (SPEC section 4), pure: charges and recalculations
/// (`AccountBilling`), penalties on the debts of earlier closes (`PenaltyCalculator`), the balance
/// and the review flags. The close module runs it over batches the store loads and saves.
///
/// Recomputing an account gives the same outcome as the first attempt: the rules ignore lines posted
/// in the period being closed, and `newPayments` excludes payments posted by an earlier close.
public struct AccountClose: Sendable {
    public let period: Period
    public let rules: BillingRules
    /// The key rates of the central bank (penalties), shared by every account.
    public let keyRates: [KeyRate]
    /// Recompute every earlier period with posted lines, ignoring the stored input fingerprints (the
    /// full recompute the incremental close must equal; tests and benchmarks compare the two).
    public let recomputeAll: Bool
    /// The digests every account's input fingerprints share, once per close.
    let digests: ReferenceDigests

    /// The close of `period`; `services` and `tariffs`, the catalog the accounts are loaded with, are
    /// digested once for the input fingerprints (`ReferenceDigests`).
    public init(period: Period, rules: BillingRules, keyRates: [KeyRate], recomputeAll: Bool = false,
                services: [Service] = [], tariffs: [Tariff] = []) {
        self.period = period
        self.rules = rules
        self.keyRates = keyRates
        self.recomputeAll = recomputeAll
        self.digests = ReferenceDigests(rules: rules, services: services, tariffs: tariffs)
    }

    /// One account's outcome: its lines, balance, posted payments and review flags, or the reason it
    /// is parked (a billing or penalty error, naming account and period).
    public func close(_ input: AccountCloseInput) -> AccountCloseOutcome {
        let id = input.billing.account.id
        let billing = AccountBilling.bill(input.billing, period: period, rules: rules, digests: digests,
                                          recomputeAll: recomputeAll, plan: input.billingPlan)
        switch billing.result {
        case .parked(let error):
            return .parked(id, error)
        case .billed(let billed):
            var lines = billed
            let balance: AccountBalance
            let postedDebt: Money?
            let paymentsToDate: PaymentTotals
            let settledDebts: SettledDebts?
            let openDebts: [EarlierDebt]
            do throws(BillingError) {
                if let settled = input.settledDebts {
                    let corrected = PenaltyRecalculation.firstCorrected(period: period, newPayments: input.newPayments)
                    precondition(input.earlierDebts != nil && !input.payments.contains { $0.amount < .zero }
                                     && corrected.map { settled.through < $0 } ?? true,
                                 "settled debts are left out only where no payment can reopen them")
                }
                let debts: [PenaltyDebt]
                let amounts: [EarlierDebt]
                if let stored = input.earlierDebts {
                    amounts = stored
                    debts = try PenaltyDebt.debts(amounts: stored, rules: rules)
                } else {
                    debts = try PenaltyDebt.debts(fromPosted: input.earlier, rules: rules)
                    amounts = debts.map { EarlierDebt(period: $0.period, amount: $0.amount) }
                }
                let earlierPayments = input.earlierPayments ?? .zero
                let paidBefore = try earlierPayments.amount.adding(input.settledDebts?.offset ?? .zero)
                let accruals = try PenaltyCalculator.accrued(in: period, debts: debts, payments: input.payments,
                                                            paidEarlier: paidBefore,
                                                            category: input.billing.account.kind.category,
                                                            keyRates: keyRates, rules: rules)
                lines += accruals.map { $0.line(accountID: id, period: period, rules: rules) }
                lines += try PenaltyRecalculation.lines(accountID: id, period: period, earlier: input.earlier,
                                                        earlierDebts: input.earlierDebts, settled: input.settledDebts,
                                                        payments: input.payments, paidEarlier: earlierPayments.amount,
                                                        newPayments: input.newPayments,
                                                        category: input.billing.account.kind.category,
                                                        keyRates: keyRates, rules: rules)
                balance = try Self.checkedBalance(opening: input.opening, lines: lines, payments: input.newPayments)
                postedDebt = try PenaltyDebt.debts(fromPosted: lines, rules: rules).first?.amount
                // Every payment of `payments` is posted by now: by an earlier close or by this one.
                paymentsToDate = try earlierPayments.adding(input.payments)
                let unsettled = amounts + (postedDebt.map { [EarlierDebt(period: period, amount: $0)] } ?? [])
                settledDebts = try SettledDebts.after(input.settledDebts, debts: unsettled, paid: paymentsToDate.amount)
                openDebts = unsettled.filter { debt in settledDebts.map { debt.period > $0.through } ?? true }
            } catch {
                var error = error
                if error.accountID == nil { error.accountID = id }
                if error.period == nil { error.period = period }
                return .parked(id, error)
            }
            let flags = ReviewFlag.flags(for: billed, input: input.billing, period: period, rules: rules,
                                         histories: billing.histories)
            return AccountCloseOutcome(accountID: id, lines: lines, balance: balance,
                                       postedPayments: input.newPayments.map(\.id), flags: flags,
                                       fingerprints: billing.fingerprints, postedDebt: postedDebt,
                                       paymentsToDate: paymentsToDate, settledDebts: settledDebts, openDebts: openDebts,
                                       premises: input.billing.account(in: period).premises, parked: nil)
        }
    }

    /// Whether the close fingerprints only the earlier periods that may have changed
    /// (`AccountBillingInput.changedFrom`, the period being closed for the accounts without an input mark):
    /// it does not recompute everything, the previous close ran under the same rules
    /// (`previousRulesDigest`, nil when unknown) and no mark for every account was stored since that
    /// close began (`marksEveryAccount`).
    public func usesInputMarks(previousRulesDigest: UInt64?, marksEveryAccount: Bool) -> Bool {
        !recomputeAll && previousRulesDigest == digests.rules && !marksEveryAccount
    }

    /// The readings the close reads of a long history, when it recomputes only what changed
    /// (`AccountBillingInput.readingsFrom`, `readingsLeftOut`). Every period the close computes lies
    /// in `first...period`: its own and the earlier ones within the lookback from the earliest of
    /// `earlierCloses` (candidates for recomputation are periods closed before), or with
    /// `usesInputMarks` its own only, an account's plan telling which earlier ones it compares
    /// (`planReadings`). A volume starts from the register's last reading before its period, the
    /// average at the last one before the close's own period from one `averageMonths` older. So the
    /// close reads the readings of the period before `first` on, and those of the periods
    /// `averageMonths` + 2 and + 1 before its own (one month to spare for a missing reading); those
    /// between are left out. An account whose histories do not reach all it computes
    /// (`AccountBilling.readingsSuffice`: a register missing the reading before `first` or both
    /// the averages could start from, or younger than them) reads every reading from the bound, or
    /// its whole history if that does not suffice either. When no reading is stored before `from`
    /// (`nothingBefore`), every register starts in the earliest stored reading's period or later: the
    /// close reads that period too, where a register younger than `averageMonths` starts its
    /// average, and a register's first reading read before the periods left out is its first
    /// (`RegisterHistory.startsAtFirst`). Nil with `recomputeAll`, which reads everything, without
    /// readings, and when none stored before `from` leaves nothing to leave out.
    public func readingsBound(earlierCloses: [Period], earliestReading: CivilDate?,
                              usesInputMarks: Bool = false) -> ReadingsBound? {
        guard !recomputeAll, let earliestReading else { return nil }
        let lookbackStart = period.ordinal - max(0, rules.recalcLookbackMonths)
        let first = usesInputMarks ? period : earlierCloses.filter { $0.ordinal >= lookbackStart && $0 < period }.min() ?? period
        let averagesStart = period.ordinal - rules.averageMonths - 1
        let from = rules.readingWindow.firstDate(of: Period(ordinal: min(first.ordinal - 2, averagesStart - 1)))
        let nothingBefore = earliestReading >= from
        let lastRead = nothingBefore ? max(averagesStart, rules.readingWindow.period(of: earliestReading).ordinal) : averagesStart
        let leftOut = lastRead + 1 <= first.ordinal - 2 ? Period(ordinal: lastRead + 1)...Period(ordinal: first.ordinal - 2) : nil
        guard leftOut != nil || !nothingBefore else { return nil }
        return ReadingsBound(from: from, first: first, leftOut: leftOut, window: rules.readingWindow, nothingBefore: nothingBefore)
    }

    /// Makes the billing plan of `input`, loaded with the readings from a `readingsBound` whose first
    /// period is `first` (kept in `input` for `prepare` and `close`, even for a first close), and tells
    /// whether it bills as with the meters' whole history (`AccountBilling.readingsSuffice`) from
    /// `first` or the earliest period the plan compares (or, awaiting the stored fingerprints, may
    /// compare). False (no plan kept) when a cut history falls short, or when the readings given park
    /// the account (an invalid one might not be the history's first): the account is then read whole.
    public func planReadings(_ input: inout AccountCloseInput, first: Period) -> Bool {
        guard let plan = AccountBilling.plan(input.billing, period: period, rules: rules, digests: digests,
                                             recomputeAll: recomputeAll, evenWithoutCandidates: true),
              AccountBilling.readingsSuffice(plan.histories, from: min(first, plan.compared.first ?? period),
                                             through: period, rules: rules) else {
            input.billingPlan = nil
            return false
        }
        input.billingPlan = plan
        return true
    }

    /// Makes the account's billing plan once it is loaded without earlier lines (kept in `input`, for
    /// `prepare` and `close`; the one `planReadings` made, if any), or completes a plan that awaited
    /// the stored fingerprints once they are added. False while the plan awaits them
    /// (`BillingPlan.awaitsClosedFingerprints`: the account is read without them, and its readings
    /// re-estimate an earlier period). An account with no earlier period to compare (its first close)
    /// gets no plan here unless `planReadings` made one: `close` makes it, once.
    public func makePlan(_ input: inout AccountCloseInput) -> Bool {
        if let awaiting = input.billingPlan, awaiting.awaitsClosedFingerprints {
            guard input.billing.closedFingerprintsLoaded else { return false }
            input.billingPlan = AccountBilling.plan(input.billing, period: period, rules: rules, digests: digests,
                                                    recomputeAll: recomputeAll, evenWithoutCandidates: true,
                                                    completing: awaiting)
        } else if input.billingPlan == nil {
            input.billingPlan = AccountBilling.plan(input.billing, period: period, rules: rules, digests: digests,
                                                    recomputeAll: recomputeAll)
        }
        return input.billingPlan?.awaitsClosedFingerprints != true
    }

    /// Prepares the account's close (`makePlan`) and tells which lines of earlier closes `close` reads,
    /// beyond the debts' amounts: those posted from the first period billing recomputes or whose
    /// penalties it corrects (`PenaltyRecalculation.firstCorrected`); all of them to correct penalties
    /// without the debts' amounts (`AccountCloseInput.earlierDebts`). For a plan still awaiting the
    /// stored fingerprints, those from the first period it may compare.
    public func prepare(_ input: inout AccountCloseInput) -> EarlierLinesNeed {
        let corrected = PenaltyRecalculation.firstCorrected(period: period, newPayments: input.newPayments)
        let complete = makePlan(&input)
        if corrected != nil && input.earlierDebts == nil { return .all }
        let recomputed = complete ? input.billingPlan?.recompute.first : input.billingPlan?.compared.first
        let first = [corrected, recomputed].compactMap { $0 }.min()
        return first.map(EarlierLinesNeed.from) ?? .none
    }

    /// The balance, added up with overflow checks: a closing or a part of it (charged, recalc,
    /// penalty, paid) beyond `Money.limit` (huge lines, huge balances) parks the account rather than
    /// trapping the close.
    static func checkedBalance(opening: Money, lines: [ChargeLine], payments: [Payment]) throws(BillingError) -> AccountBalance {
        var closing = opening
        var balance = AccountBalance(opening: opening, charged: .zero, recalc: .zero, penalty: .zero, paid: .zero)
        for line in lines {
            closing = try closing.adding(line.gross)
            switch line.kind {
            case .charge: balance.charged = try balance.charged.adding(line.gross)
            case .recalc: balance.recalc = try balance.recalc.adding(line.gross)
            case .penalty: balance.penalty = try balance.penalty.adding(line.gross)
            }
        }
        for payment in payments {
            closing = try closing.adding(-payment.amount)
            balance.paid = try balance.paid.adding(payment.amount)
        }
        return balance
    }
}
