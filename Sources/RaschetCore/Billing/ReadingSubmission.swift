/// A meter reading submitted one at a time (`raschet reading submit`, a cabinet), checked against its
/// meter and the register's stored readings on both sides of its date (SPEC section 4, README
/// "reading submit"), in this order:
///
/// 1. the date is not after today, not before the meter's installation, not after its removal;
/// 2. the value fits the register: below 10^digits when the meter's `digits` is known;
/// 3. the value is not lower than the previous reading (the exact cabinet text of SPEC section 4,
///    `BillingError.lowerReadingMessage`; a submission carries no rollover mark, so a register that
///    wrapped past zero is entered by an import row with `rollover = 1`);
/// 4. the value is not higher than the next stored reading, unless that one is marked `rollover`
///    (the register wraps between the two, as `RegisterHistory` reads it);
/// 5. the consumption per day since the previous reading is at most `BillingRules.readingJumpFactor`
///    times the register's average per day, the average being the consumption from the register's
///    first reading to the previous one (rollovers counted) over the days between them. With too
///    little history — fewer than two earlier readings, less than `minimumHistoryDays` between the
///    first and the previous, or no consumption yet — there is no average and no jump check.
///
/// Checks 1–4 refuse; check 5 returns the `Jump`, which the caller refuses unless the operator
/// forces it. A stored reading of the same date is the one the submission replaces: it is not a
/// neighbour.
public struct ReadingSubmission: Sendable {
    /// An implausible jump (check 5): the figures and the sentence that names them.
    public struct Jump: Sendable, Hashable {
        /// The consumption per day since the previous reading, rounded to six decimals.
        public var perDay: ExactDecimal
        /// The register's average consumption per day, rounded to six decimals.
        public var averagePerDay: ExactDecimal
        public var previous: Reading
        /// One sentence: the meter, the value, the previous reading and the figures (`jumpNotForced`
        /// adds the fix to a refusal).
        public var message: Message
    }

    /// The fewest days between a register's first and previous readings for an average per day.
    public static let minimumHistoryDays = 30

    public let meter: Meter
    public let reading: Reading
    /// The stored readings of the register (the reading's meter and zone), in any order.
    public let stored: [Reading]

    public init(meter: Meter, reading: Reading, stored: [Reading]) {
        self.meter = meter
        self.reading = reading
        self.stored = stored.filter { $0.meterID == reading.meterID && $0.zone == reading.zone }.sorted { $0.date < $1.date }
    }

    /// The latest stored reading before the submission's date.
    public var previous: Reading? { stored.last { $0.date < reading.date } }

    /// The earliest stored reading after the submission's date.
    public var next: Reading? { stored.first { $0.date > reading.date } }

    /// Runs checks 1–5.
    /// - Returns: the implausible jump, nil when there is none.
    /// - Throws: the refusal of checks 1–4 (`BillingError`, exit 65), its message one sentence naming
    ///   the meter, the value, the neighbouring reading and the fix.
    public func check(today: CivilDate, jumpFactor: ExactDecimal) throws(BillingError) -> Jump? {
        let subject = Message.ReadingSubject(zone: reading.zone.rawValue, value: reading.value, date: reading.date)
        if reading.date > today {
            throw refusal(.readingInFuture, .readingInFuture(subject, today: today))
        }
        if let installed = meter.installed, reading.date < installed {
            throw refusal(.readingOutsideMeterLife, .readingBeforeInstallation(subject, installed: installed))
        }
        if let removed = meter.removed, reading.date > removed {
            throw refusal(.readingOutsideMeterLife, .readingAfterRemoval(subject, removed: removed))
        }
        if let digits = meter.digits, let capacity = Self.capacity(digits: digits), reading.value >= capacity {
            throw refusal(.readingBeyondCapacity, .readingBeyondCapacity(subject, digits: digits, capacity: capacity))
        }
        let previous = self.previous
        if let previous, reading.value < previous.value {
            throw refusal(.readingLowerThanPrevious, .readingBelowPrevious(subject, previous: previous.value, on: previous.date))
        }
        if let next, next.value < reading.value, !next.rollover {
            throw refusal(.readingHigherThanNext, .readingAboveNext(subject, next: next.value, on: next.date))
        }
        guard let previous, let average = averagePerDay(upTo: previous) else { return nil }
        // perDay > factor × average, cross-multiplied in Int128 to stay exact:
        // step × span × 10^6 > factor × total × days.
        let step = Int128(reading.value.micros - previous.value.micros)
        let days = Int128(reading.date.dayNumber - previous.date.dayNumber)
        guard step * average.days * 1_000_000 > Int128(jumpFactor.micros) * average.total * days else { return nil }
        let perDay = Self.rounded(step, over: days)
        let averagePerDay = Self.rounded(average.total, over: average.days)
        return Jump(perDay: perDay, averagePerDay: averagePerDay, previous: previous,
                    message: .billingContext(account: meter.accountID, service: meter.serviceID, meter: meter.id, period: nil,
                                             .readingJump(subject, perDay: perDay, previous: previous.value, on: previous.date,
                                                          factor: jumpFactor, averagePerDay: averagePerDay)))
    }

    /// 10^digits, the value at which a register of `digits` digits before the point wraps; nil
    /// outside 1...12 (the column table's range).
    static func capacity(digits: Int) -> ExactDecimal? {
        guard (1...12).contains(digits) else { return nil }
        var micros: Int64 = 1_000_000
        for _ in 0..<digits { micros *= 10 }  // at most 10^18 < 2^63
        return ExactDecimal(micros: micros)
    }

    /// The consumption from the register's first reading to `previous` (micros, rollovers counted)
    /// and the days between them; nil with too little history (see the type) or a history the close
    /// itself cannot read (a stored lower reading without the rollover mark).
    private func averagePerDay(upTo previous: Reading) -> (total: Int128, days: Int128)? {
        let history = stored.filter { $0.date <= previous.date }
        guard history.count >= 2, let first = history.first else { return nil }
        let days = previous.date.dayNumber - first.date.dayNumber
        guard days >= Self.minimumHistoryDays else { return nil }
        var total: Int128 = 0
        for (earlier, later) in zip(history, history.dropFirst()) {
            guard let step = try? RegisterHistory.step(from: earlier, to: later, meter: meter) else { return nil }
            total += Int128(step.micros)
        }
        guard total > 0 else { return nil }
        return (total, Int128(days))
    }

    /// round6(micros / days), half away from zero, as a decimal (clamped to what Int64 holds).
    private static func rounded(_ micros: Int128, over days: Int128) -> ExactDecimal {
        let value = divideRoundingHalfAwayFromZero(micros, by: days)
        return ExactDecimal(micros: Int64(clamping: value))
    }

    private func refusal(_ code: BillingError.Code, _ message: Message) -> BillingError {
        BillingError(code: code, message: message, accountID: meter.accountID, serviceID: meter.serviceID, meterID: meter.id)
    }
}
