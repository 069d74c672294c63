/// The per-account billing of a monthly close: pure, deterministic, no I/O.
///
/// `bill(_:period:rules:)` computes the period's charge lines for every service connected to the
/// account, then recomputes every earlier period that has posted lines (within
/// `BillingRules.recalcLookbackMonths`) and whose inputs changed since it was last computed
/// (`InputFingerprint`) with today's data and that period's tariff and VAT rate, and posts the
/// difference as `recalc` lines. A closed period is never rewritten; running the same close
/// twice with the same inputs gives the same lines (the lines posted in the period being closed are
/// ignored, so a rerun after a crash does not correct itself).
///
/// A recomputed earlier period is billed with the area and residents of that period
/// (`AccountBillingInput.account(in:)`): today's values unless a dated change (`Account.changedFrom`)
/// left the earlier ones in `earlierPremises`.
public enum AccountBilling {
    /// Bills `input.account` for `period`, or names why it must be parked; recomputes every earlier
    /// period with posted lines (no stored fingerprints).
    public static func bill(_ input: AccountBillingInput, period: Period, rules: BillingRules) -> AccountBillingResult {
        bill(input, period: period, rules: rules, digests: ReferenceDigests(rules: rules)).result
    }

    /// Bills `input.account` for `period`, or names why it must be parked, and returns the input
    /// fingerprints the close stores: the period's own (when it has lines) and those of the earlier
    /// periods it recomputed whose fingerprint differs from `input.closedFingerprints`, and the register
    /// histories it billed with (for `ReviewFlag.flags`; empty when parked).
    ///
    /// The earlier periods considered are those within the lookback with posted lines, with a stored
    /// fingerprint (the close stores one for every period it posts lines for, so both say the same
    /// when the store loads them) or in `input.recomputePeriods`; with `input.changedFrom`, only those
    /// from it on, those the readings counting for them re-estimate and those forced are
    /// fingerprinted, the others keeping their stored fingerprint. One is recomputed when its
    /// fingerprint differs from the stored one, or always with `recomputeAll`
    /// (`BillingPlan`, made here unless `plan` is given). An equal fingerprint means equal inputs, hence the lines its last
    /// computation posted in full (that close posted the difference to them): recomputing it would
    /// give no `recalc` line, so skipping it changes nothing. A recomputed period needs all its posted
    /// lines in `input.posted`.
    /// - Parameter digests: the rules' and the services' digests (`ReferenceDigests`), taken once per close.
    /// - Complexity: O(q × (s × (t + m × r) + a)) for q recomputed periods, s services, t tariffs,
    ///   m meter registers with r readings, a absences; the register histories are built once.
    public static func bill(_ input: AccountBillingInput, period: Period, rules: BillingRules, digests: ReferenceDigests,
                            recomputeAll: Bool = false, plan: BillingPlan? = nil)
        -> (result: AccountBillingResult, fingerprints: [PeriodFingerprint], histories: [RegisterHistory]) {
        let input = plan?.ownRowsOnly == true ? withOwnPostedLines(input) : narrowed(input)
        do throws(BillingError) {
            // A plan made before the earlier lines were loaded holds when their periods were among its
            // candidates (the close stores a fingerprint for every period it posts lines for).
            let given = plan.flatMap { isCovered(by: $0, input, period: period, rules: rules) ? $0 : nil }
            let plan: BillingPlan
            if let given {
                plan = given
            } else {
                plan = try narrowedPlan(input, candidates: candidates(input, period: period, rules: rules), period: period,
                                        rules: rules, digests: digests, recomputeAll: recomputeAll, ownRowsOnly: false)
            }
            precondition(!plan.awaitsClosedFingerprints, "an account is billed once its plan has the stored fingerprints it compares")
            let histories = plan.histories
            var result = try lines(input, for: period, postedIn: period, histories: histories, rules: rules)
            var fingerprints = plan.changed
            if !result.isEmpty { fingerprints.insert(PeriodFingerprint(refPeriod: period, value: plan.own), at: 0) }
            // The lines posted so far per reference period, for the periods recomputed.
            let posted = plan.recompute.isEmpty ? [:] : Dictionary(grouping: input.posted.lazy.filter {
                $0.accountID == input.account.id && $0.period < period && ($0.kind == .charge || $0.kind == .recalc)
                    && !PenaltyRecalculation.isPenalty($0)
            }, by: \.refPeriod)
            for refPeriod in plan.recompute {
                let should = try lines(input, for: refPeriod, postedIn: period, histories: histories, rules: rules)
                result += try recalculations(should: should, posted: posted[refPeriod] ?? [], refPeriod: refPeriod,
                                             postedIn: period)
            }
            return (.billed(result), fingerprints, histories)
        } catch {
            return (.parked(error.with(accountID: input.account.id, period: period)), [], [])
        }
    }

    /// The account's billing plan: its register histories and the earlier periods `bill` recomputes,
    /// ascending. Nil when the account has no earlier period to compare (its first close: no stored
    /// fingerprint, no posted line, nothing forced), so that `bill` makes the plan once, and when its
    /// readings park it (`bill` then names why). `bill` takes it with the same input, to which only
    /// earlier lines may have been added. With `evenWithoutCandidates`, a first close gets its plan too
    /// (its register histories, for `readingsSuffice`); so does an input without its stored
    /// fingerprints (`AccountBillingInput.closedFingerprintsLoaded`), whose candidates are unknown.
    ///
    /// Such an input gets a plan that awaits them (`BillingPlan.awaitsClosedFingerprints`) when its
    /// readings re-estimate an earlier period or one is forced; `awaiting`, that plan, completes it
    /// once they are added, with its register histories.
    public static func plan(_ input: AccountBillingInput, period: Period, rules: BillingRules,
                            digests: ReferenceDigests, recomputeAll: Bool = false,
                            evenWithoutCandidates: Bool = false, completing awaiting: BillingPlan? = nil) -> BillingPlan? {
        let candidates = candidates(input, period: period, rules: rules)
        guard evenWithoutCandidates || !candidates.all.isEmpty || !input.closedFingerprintsLoaded else { return nil }
        let ownRowsOnly = isNarrowed(input)
        return try? narrowedPlan(ownRowsOnly ? input : restricted(input), candidates: candidates, period: period, rules: rules,
                                 digests: digests, recomputeAll: recomputeAll, ownRowsOnly: ownRowsOnly,
                                 histories: awaiting?.histories)
    }

    /// Which earlier periods to recompute, the period's own fingerprint, and the changed fingerprints
    /// of the earlier ones (see `bill`). `input` is narrowed; `candidates` are its `candidates`;
    /// `histories`, when given, its register histories.
    private static func narrowedPlan(_ input: AccountBillingInput, candidates: Candidates, period: Period, rules: BillingRules,
                                     digests: ReferenceDigests, recomputeAll: Bool, ownRowsOnly: Bool,
                                     histories given: [RegisterHistory]? = nil) throws(BillingError) -> BillingPlan {
        precondition(input.closedFingerprintsLoaded || (input.changedFrom != nil && !recomputeAll),
                     "only a plan that compares some earlier periods is made without the stored fingerprints")
        let histories: [RegisterHistory]
        if let given { histories = given } else { histories = try registerHistories(input, asOf: period, rules: rules) }
        var accountParts = InputFingerprint.AccountParts(input, digests: digests)
        func fingerprint(_ refPeriod: Period) -> UInt64 {
            InputFingerprint.period(refPeriod, accountPart: accountParts.part(for: refPeriod), input: input,
                                    histories: histories, rules: rules)
        }
        let (candidates, forced) = candidates
        // With input marks from a period on, an earlier period before it can have changed only where
        // readings counting for it or later close a register's gap (those of the period being closed
        // only, without marks); the others keep the fingerprint stored (`changedFrom`).
        var compared = candidates.sorted()
        var reach: Set<Period>?
        if !recomputeAll, let changedFrom = input.changedFrom {
            let window = lookback(period, rules: rules)
            // A change from a later period bears on none before it: from the period being closed.
            let from = max(min(changedFrom, period).ordinal, window.lowerBound.ordinal)
            var within = forced
            for ordinal in from..<period.ordinal { within.insert(Period(ordinal: ordinal)) }
            for closing in from...period.ordinal {
                for history in histories {
                    let gap = history.gapClosed(at: Period(ordinal: closing)).clamped(to: window)
                    for ordinal in gap.lowerBound.ordinal..<gap.upperBound.ordinal { within.insert(Period(ordinal: ordinal)) }
                }
            }
            reach = within
            if !input.closedFingerprintsLoaded && !within.isEmpty {
                return BillingPlan(histories: histories, candidates: candidates, compared: within.sorted(),
                                   awaitsClosedFingerprints: true, reach: within, recompute: [], own: fingerprint(period),
                                   changed: [], ownRowsOnly: ownRowsOnly)
            }
            compared.removeAll { !within.contains($0) }
        }
        precondition(input.volumesFrom.map { from in compared.allSatisfy { $0 >= from } } ?? true,
                     "an earlier period is compared with its volumes")
        var recompute: [Period] = []
        var changed: [PeriodFingerprint] = []
        for refPeriod in compared {
            let current = fingerprint(refPeriod)
            let stored = input.closedFingerprints[refPeriod]
            if stored != current { changed.append(PeriodFingerprint(refPeriod: refPeriod, value: current)) }
            if recomputeAll || stored != current || forced.contains(refPeriod) { recompute.append(refPeriod) }
        }
        return BillingPlan(histories: histories, candidates: candidates, compared: compared, awaitsClosedFingerprints: false,
                           reach: reach, recompute: recompute, own: fingerprint(period), changed: changed,
                           ownRowsOnly: ownRowsOnly)
    }

    /// The earlier periods a plan compares (`all`), and those among them the data forces (`forced`).
    private typealias Candidates = (all: Set<Period>, forced: Set<Period>)

    /// The earlier periods within the lookback whose fingerprint a plan compares: those with a stored
    /// fingerprint or posted lines, and those the data forces (`forced`, a subset of `all`).
    /// The same for `input` narrowed or not.
    private static func candidates(_ input: AccountBillingInput, period: Period, rules: BillingRules) -> Candidates {
        let window = lookback(period, rules: rules)
        var all = Set(input.closedFingerprints.keys.filter(window.contains))
        for line in input.posted where isRecomputable(line, of: input.account.id, before: period, within: window) {
            all.insert(line.refPeriod)
        }
        let forced = Set(input.recomputePeriods.filter(window.contains))
        return (all.union(forced), forced)
    }

    /// Whether every period `candidates` gives for `input` is among `plan`'s or beyond its reach,
    /// checked without building the set: a plan made before the earlier lines were added to
    /// `input.posted` holds only then.
    private static func isCovered(by plan: BillingPlan, _ input: AccountBillingInput, period: Period,
                                  rules: BillingRules) -> Bool {
        let window = lookback(period, rules: rules)
        func covered(_ refPeriod: Period) -> Bool {
            !window.contains(refPeriod) || plan.candidates.contains(refPeriod) || plan.reach.map { !$0.contains(refPeriod) } == true
        }
        return input.closedFingerprints.keys.allSatisfy(covered) && input.recomputePeriods.allSatisfy(covered)
            && input.posted.allSatisfy {
                !isRecomputable($0, of: input.account.id, before: period, within: window) || plan.candidates.contains($0.refPeriod)
            }
    }

    /// The earlier periods a close of `period` may recompute: within `rules.recalcLookbackMonths`.
    private static func lookback(_ period: Period, rules: BillingRules) -> Range<Period> {
        Period(ordinal: period.ordinal - max(0, rules.recalcLookbackMonths))..<period
    }

    /// Whether `line` is a charge or recalculation of `account` posted before `period` for a period of
    /// `window`: one a recomputation of its period corrects.
    private static func isRecomputable(_ line: ChargeLine, of account: String, before period: Period,
                                       within window: Range<Period>) -> Bool {
        line.accountID == account && line.period < period && window.contains(line.refPeriod)
            && (line.kind == .charge || line.kind == .recalc) && !PenaltyRecalculation.isPenalty(line)
    }

    /// The input restricted to the account's own rows and services, so that a batch may share large
    /// lists (tariffs, readings) without every rule rescanning them.
    /// An input already restricted (as the close's loader gives it) is returned as it is.
    /// - Complexity: O(total rows).
    public static func narrowed(_ input: AccountBillingInput) -> AccountBillingInput {
        isNarrowed(input) ? input : restricted(input)
    }

    /// `narrowed`'s filters, applied.
    /// - Complexity: O(total rows).
    private static func restricted(_ input: AccountBillingInput) -> AccountBillingInput {
        let id = input.account.id
        var result = input
        result.accountServices = input.accountServices.filter { $0.accountID == id }
        let serviceIDs = Set(result.accountServices.map(\.serviceID))
        result.services = input.services.filter { serviceIDs.contains($0.id) }
        result.tariffs = input.tariffs.filter { serviceIDs.contains($0.serviceID) }
        result.meters = input.meters.filter { $0.accountID == id }
        let meterIDs = Set(result.meters.map(\.id))
        result.readings = input.readings.filter { meterIDs.contains($0.meterID) }
        result.volumes = input.volumes.filter { $0.accountID == id }
        result.absences = input.absences.filter { $0.accountID == id }
        result.posted = input.posted.filter { $0.accountID == id }
        return result
    }

    /// `input` with its posted lines narrowed to the account's own: `narrowed` of an input whose other
    /// rows are the account's own already.
    private static func withOwnPostedLines(_ input: AccountBillingInput) -> AccountBillingInput {
        let id = input.account.id
        guard !input.posted.allSatisfy({ $0.accountID == id }) else { return input }
        var result = input
        result.posted = input.posted.filter { $0.accountID == id }
        return result
    }

    /// Whether every row of `input` passes `narrowed`'s filters, so that narrowing would return it
    /// unchanged; checked without building sets or copying lists. An account with many connections or
    /// meters is left to `narrowed` (the check compares ids with each connection or meter).
    /// - Complexity: O(rows + runs × (connections + meters)), both at most 32, for runs of tariffs of one
    ///   service and of readings of one meter.
    static func isNarrowed(_ input: AccountBillingInput) -> Bool {
        let id = input.account.id
        guard input.accountServices.count <= 32, input.meters.count <= 32,
              input.accountServices.allSatisfy({ $0.accountID == id }), input.meters.allSatisfy({ $0.accountID == id }),
              input.volumes.allSatisfy({ $0.accountID == id }), input.absences.allSatisfy({ $0.accountID == id }),
              input.posted.allSatisfy({ $0.accountID == id }) else { return false }
        func connected(_ serviceID: String) -> Bool { input.accountServices.contains { $0.serviceID == serviceID } }
        // A service's tariffs and a meter's readings come one after another: each id is looked for once
        // per run, not once per row.
        var checked: String?
        for tariff in input.tariffs where tariff.serviceID != checked {
            guard connected(tariff.serviceID) else { return false }
            checked = tariff.serviceID
        }
        checked = nil
        for reading in input.readings where reading.meterID != checked {
            guard input.meters.contains(where: { $0.id == reading.meterID }) else { return false }
            checked = reading.meterID
        }
        return input.services.allSatisfy { connected($0.id) }
    }

    /// The lines `refPeriod` should carry with the data known at the close of `period` (kind `charge`,
    /// posted in `period`), ordered by service, installation, component and zone.
    /// - Complexity: O(s × (t + m × p) + a) for s services, t tariffs, m registers with p periods of
    ///   readings, a absences.
    public static func lines(_ input: AccountBillingInput, for refPeriod: Period, postedIn period: Period,
                             histories: [RegisterHistory], rules: BillingRules) throws(BillingError) -> [ChargeLine] {
        let account = input.account(in: refPeriod)
        if let opened = account.opened, opened > refPeriod.lastDay { return [] }
        if let closed = account.closed, closed < refPeriod.firstDay { return [] }
        var result: [ChargeLine] = []
        for connection in connections(input, in: refPeriod, rules: rules) {
            guard let service = input.services.first(where: { $0.id == connection.serviceID }) else {
                throw BillingError(code: .unknownService, message: .serviceNotInList,
                                   accountID: account.id, serviceID: connection.serviceID, period: refPeriod)
            }
            var context = ServiceContext(input: input, account: account, service: service, connection: connection,
                                         refPeriod: refPeriod, period: period, rules: rules)
            context.vatRate = try rules.vatRate(for: refPeriod, mode: service.vatMode)
            switch service.method {
            case .meter: result += try context.meterLines(histories: histories)
            case .norm: result += try context.normLines()
            case .area:
                guard let area = account.area else {
                    throw context.error(.noArea, .noArea)
                }
                result.append(try context.line(.single, .base, .area, area, try context.tariff(.single).price))
            case .fixed:
                result.append(try context.line(.single, .base, .fixed, .one, try context.tariff(.single).price))
            case .quantity:
                let price = try context.tariff(.single).price
                if let volume = input.volumes.first(where: {
                    $0.accountID == account.id && $0.serviceID == service.id && $0.period == refPeriod
                }) {
                    context.installation = volume.installation ?? connection.installation
                    result.append(try context.line(.single, .base, .quantity, volume.quantity, price))
                } else if let quantity = connection.quantity {
                    result.append(try context.line(.single, .base, .quantity, quantity, price))
                } else {
                    throw context.error(.noQuantity, .noQuantity)
                }
            }
        }
        return result.sorted { $0.key < $1.key }
    }

    /// The account's service connections in force in `period`: per service, the row in force on the
    /// selection day, else the latest row overlapping the period. Ordered by service id. A connection
    /// starting or ending inside the period charges the whole period (no proration by days).
    /// - Complexity: O(c × s + s log s) for c connection rows of s services.
    public static func connections(_ input: AccountBillingInput, in period: Period, rules: BillingRules) -> [AccountService] {
        let day = rules.tariffDay.day(of: period)
        // One row per service, found by a linear search: an account has a few services.
        var chosen: [AccountService] = []
        for row in input.accountServices where row.accountID == input.account.id
            && row.validFrom <= period.lastDay && (row.validTo.map { $0 >= period.firstDay } ?? true) {
            let inForce = row.validFrom <= day && (row.validTo.map { $0 >= day } ?? true)
            if let index = chosen.firstIndex(where: { $0.serviceID == row.serviceID }) {
                let current = chosen[index]
                let currentInForce = current.validFrom <= day && (current.validTo.map { $0 >= day } ?? true)
                if inForce != currentInForce ? inForce : row.validFrom > current.validFrom { chosen[index] = row }
            } else {
                chosen.append(row)
            }
        }
        return chosen.sorted { $0.serviceID < $1.serviceID }
    }

    /// Validated register histories of all the account's meters, as of `asOf`; throws the first
    /// rejected reading (which parks the account). With `input.readingsFrom`, every history is cut
    /// (`RegisterHistory.isCut`): the readings left out may hold any meter's earlier ones, unless
    /// `input.nothingBeforeReadingsFrom`; those of `input.readingsLeftOut` are left out of it too.
    /// - Complexity: O(m × r log r) for m registers and r readings.
    public static func registerHistories(_ input: AccountBillingInput, asOf: Period,
                                         rules: BillingRules) throws(BillingError) -> [RegisterHistory] {
        var histories: [RegisterHistory] = []
        let isCut = input.readingsFrom != nil
        for meter in input.meters where meter.accountID == input.account.id {
            for zone in Meter.zoneSet(forCount: meter.zones) {
                histories.append(try RegisterHistory(meter: meter, zone: zone, readings: input.readings,
                                                     window: rules.readingWindow, asOf: asOf, isCut: isCut,
                                                     leftOut: isCut ? input.readingsLeftOut : nil,
                                                     nothingBefore: input.nothingBeforeReadingsFrom))
            }
        }
        return histories
    }

    /// Whether the close of `period` bills from `histories` (an account's `registerHistories` as of
    /// `period`) exactly as from the meters' whole history, when every period it computes lies in
    /// `first...period` (its own and the earlier ones it may recompute): when every cut history
    /// reaches each of those periods and the review's average (`RegisterHistory.reaches`).
    /// - Complexity: O(m × p × c) for m registers, p periods and c closings.
    public static func readingsSuffice(_ histories: [RegisterHistory], from first: Period, through period: Period,
                                       rules: BillingRules) -> Bool {
        histories.allSatisfy { history in
            !history.isCut || (history.reachesAverage(before: period, rules: rules)
                && (first.ordinal...period.ordinal).allSatisfy { history.reaches(Period(ordinal: $0), rules: rules) })
        }
    }

    /// `recalc` lines turning what was posted for `refPeriod` into what it should be: per line key,
    /// the difference of quantities and of net, VAT and gross (so each line keeps net + vat = gross
    /// and the period's lines plus all its recalculations equal its recomputed charge exactly).
    /// Keys with no difference give no line.
    /// - Throws: an `overflow` billing error when the quantities of a key do not add up in `Int64`
    ///   micros (huge metered volumes at a tiny price).
    /// - Complexity: O((s + p) log (s + p)).
    public static func recalculations(should: [ChargeLine], posted: [ChargeLine], refPeriod: Period,
                                      postedIn period: Period) throws(BillingError) -> [ChargeLine] {
        // Both sides summed per key in key order, then merged: the keys of either, ascending. A line
        // is copied only when it gives a recalculation.
        let new = try summed(should), old = try summed(posted)
        var result: [ChargeLine] = []
        var next = 0, nextOld = 0
        while next < new.count || nextOld < old.count {
            let order = next == new.count ? 1 : nextOld == old.count ? -1 : compare(new[next].key, old[nextOld].key)
            let hasNew = order <= 0, hasOld = order >= 0
            let quantity = try (hasNew ? new[next].quantity : .zero).subtracting(hasOld ? old[nextOld].quantity : .zero)
            let amounts = (hasNew ? new[next].amounts : .zero) - (hasOld ? old[nextOld].amounts : .zero)
            if quantity != .zero || amounts != .zero {
                var line = hasNew ? new[next] : old[nextOld]
                line.kind = .recalc
                line.period = period
                line.refPeriod = refPeriod
                line.quantity = quantity
                line.net = amounts.net; line.vat = amounts.vat; line.gross = amounts.gross
                result.append(line)
            }
            if hasNew { next += 1 }
            if hasOld { nextOld += 1 }
        }
        return result
    }

    /// −1, 0 or 1 as `a` comes before, with or after `b`.
    private static func compare(_ a: ChargeLine.Key, _ b: ChargeLine.Key) -> Int {
        a < b ? -1 : b < a ? 1 : 0
    }

    /// `lines` summed per key (`add`, in their order), ascending by key: `lines` themselves when their
    /// keys already ascend, one line per key (as `AccountBilling.lines` gives a period's charges).
    private static func summed(_ lines: [ChargeLine]) throws(BillingError) -> [ChargeLine] {
        if zip(lines, lines.dropFirst()).allSatisfy({ $0.key < $1.key }) { return lines }
        let order = lines.indices.map { (key: lines[$0].key, index: $0) }
            .sorted { $0.key < $1.key || ($0.key == $1.key && $0.index < $1.index) }
        var sums: [ChargeLine] = []
        var last: ChargeLine.Key?
        for (key, index) in order {
            if key == last {
                sums[sums.count - 1] = try add(sums[sums.count - 1], lines[index])
            } else {
                sums.append(lines[index])
                last = key
            }
        }
        return sums
    }

    private static func add(_ sum: ChargeLine, _ line: ChargeLine) throws(BillingError) -> ChargeLine {
        var sum = sum
        sum.quantity = try sum.quantity.adding(line.quantity)
        sum.net += line.net; sum.vat += line.vat; sum.gross += line.gross
        // The latest posting's price and basis describe the key.
        if line.period >= sum.period { sum.price = line.price; sum.basis = line.basis; sum.period = line.period }
        return sum
    }
}
