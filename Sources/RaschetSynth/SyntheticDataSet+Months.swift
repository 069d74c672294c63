public import RaschetCore

/// The later months of a data set of `months` consecutive periods (`raschet synth --months N`):
/// month k (1 ≤ k < months, period `period` + k) holds what arrives between the close of the
/// previous period and the close of this one, as the files `monthFileNames`:
///
/// - **readings** dated in the month for every meter register, except about 3 % of metered accounts
///   (drawn anew each month); about half of the accounts that missed the previous month submit that
///   reading late, dated in the previous (closed) month;
/// - **volumes**: the business volumes of the month, and about 5 % of businesses' heat volume of
///   the previous month corrected (+5 %);
/// - **payments** dated in the month for the previous month (as in the first month's file), except
///   about 3 % that arrive a month late: they are in the next month's file, dated in this month;
/// - **absences** in the month (about 4 % of norm-charged households), and about 1 % of norm-charged
///   households report an absence of the previous month late;
/// - **accounts**: about 1 % of accounts corrected: a household's residents (±1) or the area, nine in
///   ten from one to six months back (`changed_from`: someone moved in or out, the premises were
///   measured again), one in ten for every period (a mistake corrected).
///
/// The first month is `generate`'s full set; with `months` > 1 it leaves out the payments that arrive
/// late. Every draw is keyed by (seed, account, purpose, month), so the files depend on nothing else.
extension SyntheticDataSet {
    /// The files of a later month, in import order.
    public static let monthFileNames = ["accounts.csv", "readings.csv", "volumes.csv", "payments.csv", "absences.csv"]

    /// The period of month `k` (0 is `period`).
    public func month(_ k: Int) -> Period { Period(ordinal: period.ordinal + k) }

    /// Writes the files of month `k` (1 ≤ k < months) in `monthFileNames` order, in chunks as
    /// `generate` does.
    /// - Complexity: O(accounts × (historyMonths + k)) time; O(chunkSize) memory.
    public func generateMonth(_ k: Int, _ write: (String, [UInt8]) throws -> Void) rethrows {
        precondition(k >= 1 && k < months, "month must be 1..<months")
        try stream(.accounts, count: accounts, write) { out, i in writeCorrectedAccount(&out, profile(i), month: k) }
        try stream(.readings, count: accounts, write) { out, i in writeMonthReadings(&out, profile(i), month: k) }
        try stream(.volumes, count: accounts, write) { out, i in writeMonthVolumes(&out, profile(i), month: k) }
        try stream(.payments, count: accounts, write) { out, i in
            let p = profile(i)
            if paysLate(p, month: k - 1) { writePayment(&out, p, month: month(k - 1)) }
            if !paysLate(p, month: k) { writePayment(&out, p, month: month(k)) }
        }
        try stream(.absences, count: accounts, write) { out, i in
            let p = profile(i)
            if reportsAbsenceLate(p, month: k) { writeAbsence(&out, p, month: month(k - 1), stream: 14) }
            if isAbsent(p, month: k) { writeAbsence(&out, p, month: month(k), stream: 8) }
        }
    }

    // MARK: - Draws

    /// No reading of any of the account's meters dated in month k (k = 0: the profile's draw).
    func missesReading(_ p: AccountProfile, month k: Int) -> Bool {
        if k <= 0 { return k == 0 && p.missingReading }
        var r = SplitMix64(seed: seed, p.index, 11, month(k).ordinal)
        return !p.meters.isEmpty && r.chance(perMille: 30)
    }

    /// The missed reading of month k is submitted with month k + 1's files (dated in month k).
    func submitsLate(_ p: AccountProfile, month k: Int) -> Bool {
        guard k >= 0, k + 1 < months, missesReading(p, month: k) else { return false }
        var r = SplitMix64(seed: seed, p.index, 12, month(k).ordinal)
        return r.chance(perMille: 500)
    }

    /// Month k's payment arrives with month k + 1's files.
    func paysLate(_ p: AccountProfile, month k: Int) -> Bool {
        guard k >= 0, k + 1 < months, p.payer != .none else { return false }
        var r = SplitMix64(seed: seed, p.index, 13, month(k).ordinal)
        return r.chance(perMille: 30)
    }

    /// A norm-charged household's absence in month k (k = 0: the profile's draw).
    func isAbsent(_ p: AccountProfile, month k: Int) -> Bool {
        if k == 0 { return p.absence }
        guard p.supply == .waterNorm || p.supply == .allNorm else { return false }
        var r = SplitMix64(seed: seed, p.index, 8, month(k).ordinal)
        return r.chance(perMille: 40)
    }

    /// An absence of month k − 1 reported with month k's files (never beside one of that month).
    func reportsAbsenceLate(_ p: AccountProfile, month k: Int) -> Bool {
        guard p.supply == .waterNorm || p.supply == .allNorm, !isAbsent(p, month: k - 1) else { return false }
        var r = SplitMix64(seed: seed, p.index, 14, month(k).ordinal)
        return r.chance(perMille: 10)
    }

    // MARK: - Rows

    /// The account row again, with residents or area corrected, for about 1 % of accounts: from a
    /// month one to six months back, or (one in ten) for every period.
    func writeCorrectedAccount(_ out: inout [UInt8], _ p: AccountProfile, month k: Int) {
        var r = SplitMix64(seed: seed, p.index, 10, month(k).ordinal)
        guard r.chance(perMille: 10) else { return }
        var corrected = p
        if !p.isBusiness && r.chance(perMille: 500) {
            corrected.residents = p.residents > 1 && r.chance(perMille: 500) ? p.residents - 1 : p.residents + 1
        } else {
            corrected.area = Swift.max(1_000, p.area + r.within(-500...500))
        }
        writeAccount(&out, corrected, changedFrom: r.chance(perMille: 100) ? nil : month(k - r.within(1...6)))
    }

    /// Month k's readings (unless missed) after the late ones of month k − 1, per meter and zone.
    func writeMonthReadings(_ out: inout [UInt8], _ p: AccountProfile, month k: Int) {
        var steps: [Int] = []
        if submitsLate(p, month: k - 1) { steps.append(k - 1) }
        if !missesReading(p, month: k) { steps.append(k) }
        guard !steps.isEmpty else { return }
        for kind in p.meters {
            for month in steps {
                for zone in 0..<kind.zones { writeReading(&out, p, kind, zone: zone, month: month) }
            }
        }
    }

    /// The reading of month k, flagged `rollover` when the register wrapped since the previous
    /// reading the close will have (the latest earlier month read on time or late).
    func writeReading(_ out: inout [UInt8], _ p: AccountProfile, _ kind: MeterKind, zone: Int, month k: Int) {
        var previous = k - 1
        while previous >= 0 && missesReading(p, month: previous) && !submitsLate(p, month: previous) { previous -= 1 }
        let step = historyMonths + 1 + k
        let now = registerTotal(p, kind, zone: zone, step: step)
        let before = registerTotal(p, kind, zone: zone, step: historyMonths + 1 + previous)
        let when = month(k)
        out.putAccountID(p)
        out.put(kind.suffix)
        out.separator()
        out.put(CivilDate(year: when.year, month: when.month, day: 15 + (p.index + step * 3) % 11)!)
        out.separator()
        out.put(fixed: now % kind.modulus, decimals: kind.decimals)
        out.separator()
        out.put(kind.zones == 1 ? "single" : zone == 0 ? "day" : "night")
        out.separator()
        out.put((p.index + step) % 7 == 0 ? "operator" : "cabinet")
        out.separator()
        out.put(now / kind.modulus > before / kind.modulus ? "1" : "0")
        out.endRow(.readings)
    }

    /// The register's start value plus every month's consumption through reading step `step`
    /// (step 0 is the baseline), not wrapped.
    func registerTotal(_ p: AccountProfile, _ kind: MeterKind, zone: Int, step: Int) -> Int {
        var total = startValue(p, kind, zone: zone)
        if step > 0 {
            for s in 1...step { total += consumption(p, kind, zone: zone, month: Period(ordinal: firstReadingMonth.ordinal + s)) }
        }
        return total
    }

    /// Month k's business volumes, and the corrected heat volume of month k − 1 for about 5 %.
    func writeMonthVolumes(_ out: inout [UInt8], _ p: AccountProfile, month k: Int) {
        guard p.isBusiness else { return }
        var r = SplitMix64(seed: seed, p.index, 15, month(k).ordinal)
        if r.chance(perMille: 50) {
            writeVolume(&out, p, "TEPLO_B", month: month(k - 1), heatVolume(p, month: month(k - 1)) * 105 / 100 + 1)
        }
        writeVolumes(&out, p, month: month(k))
    }
}
