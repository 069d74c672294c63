/// The accepted readings of one meter register (one meter, one zone), placed on a cumulative scale
/// and assigned to periods, from which any period's volume follows.
///
/// Building it validates the readings in date order: a value lower than the previous one is refused
/// with the exact cabinet message of SPEC section 4 unless the reading is marked `rollover`, in which
/// case the register wrapped at 10^digits and the step is `value + 10^digits − previous`. (A
/// `rollover` mark on a value that is not lower is ignored: a full turn of the register in one step
/// is not plausible.) The first reading is cumulative 0; each later one adds its step; a total
/// beyond `Int64` micros (many rollovers) is an `overflow` billing error, which parks the account.
///
/// Readings count for the period `ReadingWindow.period(of:)` gives; only periods up to `asOf` (the
/// period being closed) are kept, so a close never sees next month's readings.
///
/// Volume of a period Q (`volume(for:rules:)`), "A" being the last period before Q with a reading and
/// "R" the first period from Q on with one:
/// - Q is the register's first period with readings: last reading − first reading of Q (an install
///   reading is the baseline).
/// - A and R both exist: the gap A→R is closed by real readings. Its consumption T = cum(R) − cum(A)
///   is spread evenly over the n = R − A periods: every period but R gets round6(T / n), R gets the
///   rest. Periods first charged by an estimate are therefore recomputed by the real reading, and the
///   recalculations of all of them plus R's own charge total exactly "the consumption since the last
///   real reading minus what was charged by estimate" (Правила 354 п. 59–61).
/// - only A exists (readings missing so far): the k = Q − A-th period without a reading is charged the
///   average while k ≤ `maximumEstimatedPeriods` and an average exists, else by norm.
/// - no A: no history, by norm.
///
/// Average at A: the cumulative consumption from the latest point at or before A − `averageMonths`
/// (at least 6 months), or, if the register is younger, from its first reading provided that spans at
/// least `minimumAverageMonths`; divided by the months spanned, rounded to 6 decimals.
///
/// A history may be **cut** (`isCut`): built from the readings from some date on, the register possibly
/// having earlier ones (the close reads a long history from a bound, `AccountBillingInput.readingsFrom`).
/// Every step and closing from its first reading on is the register's own, on a scale that starts
/// there; what lies before is unknown, even whether there is any. A cut history may also leave out
/// the readings of some periods (`leftOut`): its scale steps over them, but a reading there may lie
/// between two closings it has. When no reading is stored before the date it is cut at, a first
/// reading given before the periods left out is the register's first (`startsAtFirst`): only the
/// periods left out are unknown. `reaches(_:rules:)` and `reachesAverage(before:rules:)` tell
/// whether a volume or average reads only what the history holds, and so equals the one the whole
/// history gives; they follow the same cases as `volume(for:rules:)` and `average(at:rules:)`.
public struct RegisterHistory: Sendable, Hashable {
    /// A period's last reading on the cumulative scale.
    public struct Point: Sendable, Hashable {
        public var period: Period
        public var cumulative: ExactDecimal
    }

    /// What a register gives for a period.
    public enum PeriodVolume: Sendable, Hashable {
        /// From readings.
        case measured(ExactDecimal)
        /// The average monthly consumption (no reading yet).
        case average(ExactDecimal)
        /// No reading and no usable average: the service falls back to the norm without coefficient.
        case norm
    }

    public let meterID: String
    public let zone: Zone
    /// The period of the first reading given (cumulative 0), nil without readings.
    public let firstPeriod: Period?
    /// The closing point of every period with readings, ascending.
    public let closings: [Point]
    /// Whether the history is built from the register's readings from a date on: it may have earlier
    /// ones, and some in the periods `leftOut` (see the type).
    public let isCut: Bool
    /// In a cut history, whether its first reading is the register's first (see the type).
    public let startsAtFirst: Bool
    /// The periods whose readings were not given, in a cut history (see the type).
    public let leftOut: ClosedRange<Period>?

    /// - Parameters:
    ///   - isCut: whether `readings` leave out the register's earlier readings.
    ///   - leftOut: the periods whose readings `readings` leave out, if any (with `isCut`). Their
    ///     steps and the next one must add up to the one from the reading before them to the one
    ///     after (no marked rollover among them or on the one after).
    ///   - nothingBefore: with `isCut`, whether the register has no reading dated before the first
    ///     date `readings` were taken from: a first reading given before `leftOut` is then its first.
    /// - Complexity: O(r log r) in the meter's readings.
    public init(meter: Meter, zone: Zone, readings: [Reading], window: ReadingWindow, asOf: Period,
                isCut: Bool = false, leftOut: ClosedRange<Period>? = nil, nothingBefore: Bool = false) throws(BillingError) {
        precondition(leftOut == nil || isCut, "only a cut history leaves out periods")
        self.meterID = meter.id
        self.zone = zone
        self.isCut = isCut
        self.leftOut = leftOut
        let own = readings.filter { $0.meterID == meter.id && $0.zone == zone && window.period(of: $0.date) <= asOf }
            .sorted { $0.date < $1.date }
        var closings: [Point] = []
        var cumulative = ExactDecimal.zero
        var previous: Reading?
        for reading in own {
            if let previous {
                let step = try Self.step(from: previous, to: reading, meter: meter)
                let (sum, overflow) = cumulative.micros.addingReportingOverflow(step.micros)
                guard !overflow else { throw Self.totalOverflow(meter: meter, zone: zone, at: reading) }
                cumulative = ExactDecimal(micros: sum)
            }
            let period = window.period(of: reading.date)
            if let last = closings.last, last.period == period {
                closings[closings.count - 1].cumulative = cumulative
            } else {
                closings.append(Point(period: period, cumulative: cumulative))
            }
            previous = reading
        }
        self.firstPeriod = closings.first?.period
        self.closings = closings
        if isCut, nothingBefore, let firstPeriod {
            startsAtFirst = leftOut.map { firstPeriod < $0.lowerBound } ?? true
        } else {
            startsAtFirst = false
        }
    }

    /// The earlier periods whose volumes readings counting for `period` set: those after the
    /// register's last period with readings before it, which were estimated until then and now share
    /// the gap's consumption (see the type). Empty when `period` has no readings or follows one that
    /// has, and for a register's first period with readings. Across left-out periods the gap may be
    /// shorter in the whole history; the periods it names there are not reached (`reaches`).
    /// - Complexity: O(periods with readings from `period` on).
    public func gapClosed(at period: Period) -> Range<Period> {
        guard let index = closings.lastIndex(where: { $0.period <= period }), index >= 1, closings[index].period == period else {
            return period..<period
        }
        return closings[index - 1].period.next..<period
    }

    /// The consumption between two consecutive readings, honouring a marked wrap-around.
    public static func step(from previous: Reading, to reading: Reading, meter: Meter) throws(BillingError) -> ExactDecimal {
        let step = reading.value - previous.value
        if step >= .zero { return step }
        guard reading.rollover else {
            throw BillingError(code: .readingLowerThanPrevious, message: .readingLowerThanPrevious,
                               accountID: meter.accountID, serviceID: meter.serviceID, meterID: meter.id)
        }
        guard let digits = meter.digits, (1...12).contains(digits) else {
            throw BillingError(code: .rolloverWithoutDigits,
                               message: .rolloverWithoutDigits,
                               accountID: meter.accountID, serviceID: meter.serviceID, meterID: meter.id)
        }
        var modulus: Int64 = 1_000_000
        for _ in 0..<digits { modulus *= 10 }
        return step + ExactDecimal(micros: modulus)
    }

    /// The parking reason of a register whose running total leaves `Int64` micros (about 9.2 × 10^12
    /// units: many marked rollovers of a 12-digit register).
    static func totalOverflow(meter: Meter, zone: Zone, at reading: Reading) -> BillingError {
        BillingError(code: .overflow, message: .registerTotalOutOfRange(zone: zone.rawValue, value: reading.value, date: reading.date),
                     accountID: meter.accountID, serviceID: meter.serviceID, meterID: meter.id)
    }

    /// Which of the type's cases gives a period's volume, with the closings it reads.
    private enum VolumeCase {
        /// The register's first period with readings (`closings[0]`).
        case firstPeriod
        /// A period with readings, closing `closings[index]`, after `closings[index - 1]`.
        case read(index: Int)
        /// A period between the readings closing `closings[index]` and `closings[index + 1]`.
        case between(index: Int)
        /// A period after the last reading (`closings[index]`), within the estimated periods.
        case estimated(index: Int)
        /// No reading before the period.
        case noHistory
        /// Beyond the estimated periods after the last reading.
        case tooLongUnread
    }

    private func volumeCase(of period: Period, rules: BillingRules) -> VolumeCase {
        if let index = closings.firstIndex(where: { $0.period == period }) {
            return index > 0 ? .read(index: index) : .firstPeriod
        }
        guard let aIndex = closings.lastIndex(where: { $0.period < period }) else { return .noHistory }
        if aIndex + 1 < closings.count { return .between(index: aIndex) }
        return period.ordinal - closings[aIndex].period.ordinal <= rules.maximumEstimatedPeriods
            ? .estimated(index: aIndex) : .tooLongUnread
    }

    /// The register's volume for `period` (see the type's rules).
    /// - Complexity: O(p) in the periods with readings.
    public func volume(for period: Period, rules: BillingRules) -> PeriodVolume {
        switch volumeCase(of: period, rules: rules) {
        case .firstPeriod:
            return .measured(closings[0].cumulative)
        case .read(let index):
            let a = closings[index - 1]
            let r = closings[index]
            let n = r.period.ordinal - a.period.ordinal
            let total = r.cumulative - a.cumulative
            return .measured(total - Self.share(total, n) * ExactDecimal(n - 1))
        case .between(let index):
            let a = closings[index], r = closings[index + 1]
            return .measured(Self.share(r.cumulative - a.cumulative, r.period.ordinal - a.period.ordinal))
        case .estimated(let index):
            return average(at: index, rules: rules).map(PeriodVolume.average) ?? .norm
        case .noHistory, .tooLongUnread:
            return .norm
        }
    }

    /// Whether `volume(for: period)` reads only what the history holds: always for a whole history;
    /// for a cut one, unless it would take its first period for the register's first, find no reading
    /// before the period, average over months before its first reading (none of which it does when
    /// it `startsAtFirst`), or read across left-out periods (or one of them).
    public func reaches(_ period: Period, rules: BillingRules) -> Bool {
        guard isCut else { return true }
        if leftOut?.contains(period) == true { return false }
        switch volumeCase(of: period, rules: rules) {
        case .read(let index): return !leavesOut(after: closings[index - 1].period, before: period)
        case .between(let index): return !leavesOut(after: closings[index].period, before: closings[index + 1].period)
        case .tooLongUnread: return !leavesOut(after: closings[closings.count - 1].period, before: period)
        case .firstPeriod, .noHistory: return startsAtFirst
        case .estimated(let index):
            return !leavesOut(after: closings[index].period, before: period) && knows(averageStart(at: index, rules: rules), at: index, rules: rules)
        }
    }

    /// Whether a left-out period lies strictly between `a` and `b`: a reading there would be a
    /// closing between them.
    private func leavesOut(after a: Period, before b: Period) -> Bool {
        guard let leftOut else { return false }
        return max(a.ordinal + 1, leftOut.lowerBound.ordinal) <= min(b.ordinal - 1, leftOut.upperBound.ordinal)
    }

    /// Where an average starts.
    private enum AverageStart {
        /// A point of the history at or before the end − `averageMonths`.
        case point(Point)
        /// The register's first reading: younger than `averageMonths`, at least `minimumAverageMonths` old.
        case firstReading(Point)
        /// No average: the register is younger than `minimumAverageMonths`.
        case none
    }

    /// Whether this history gives `start`, the start of the average at `closings[index]`, as the
    /// whole history would: any start for a whole history; for a cut one, a point it holds with no
    /// left-out period after it up to the end − `averageMonths` (a later start could lie there), or,
    /// when it `startsAtFirst`, its first reading or none (the register holds no point up to the end −
    /// `averageMonths`: its first period is later).
    private func knows(_ start: AverageStart, at index: Int, rules: BillingRules) -> Bool {
        guard isCut else { return true }
        guard case .point(let point) = start else { return startsAtFirst }
        return !leavesOut(after: point.period, before: Period(ordinal: closings[index].period.ordinal - rules.averageMonths + 1))
    }

    private func averageStart(at index: Int, rules: BillingRules) -> AverageStart {
        guard let firstPeriod else { return .none }
        let end = closings[index]
        // The history's first point (zero at `firstPeriod`) is `closings[0]`'s period: when it is old
        // enough, so is `closings[0]`, which then starts the average.
        if let found = closings[...index].last(where: { $0.period.ordinal <= end.period.ordinal - rules.averageMonths }) {
            return .point(found)
        }
        return end.period.ordinal - firstPeriod.ordinal >= rules.minimumAverageMonths
            ? .firstReading(Point(period: firstPeriod, cumulative: .zero)) : .none
    }

    /// The average monthly consumption ending at `closings[index]`, nil without enough history.
    public func average(at index: Int, rules: BillingRules) -> ExactDecimal? {
        let start: Point
        switch averageStart(at: index, rules: rules) {
        case .point(let point), .firstReading(let point): start = point
        case .none: return nil
        }
        let end = closings[index]
        return Self.share(end.cumulative - start.cumulative, end.period.ordinal - start.period.ordinal)
    }

    /// Whether the average the review of `period`'s lines compares with (at the last reading before
    /// `period`, `ReviewFlag`) reads only what the history holds; see `reaches(_:rules:)`.
    public func reachesAverage(before period: Period, rules: BillingRules) -> Bool {
        guard isCut else { return true }
        guard let index = closings.lastIndex(where: { $0.period < period }) else { return startsAtFirst }
        return !leavesOut(after: closings[index].period, before: period)
            && knows(averageStart(at: index, rules: rules), at: index, rules: rules)
    }

    /// round6(total / n), half away from zero.
    static func share(_ total: ExactDecimal, _ n: Int) -> ExactDecimal {
        precondition(n > 0)
        return ExactDecimal(micros: Int64(divideRoundingHalfAwayFromZero(Int128(total.micros), by: Int128(n))))
    }
}
