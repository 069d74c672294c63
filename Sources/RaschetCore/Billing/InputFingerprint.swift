/// The fingerprint of every input `AccountBilling.lines(_:for:postedIn:histories:rules:)` reads for
/// one account and one reference period: equal fingerprints mean equal lines, so a later close
/// skips recomputing a closed period whose fingerprint is the one stored when it was last computed.
///
/// What is fed, per (account, period):
/// - the rules the lines use (`rulesDigest`, taken once per close in `ReferenceDigests`): VAT table,
///   reading window, tariff day, average and estimate limits, absence threshold;
/// - the account row with the area and residents of the period (`AccountBillingInput.account(in:)`),
///   all its service connections and all its meters, every field: a dated change of the area or
///   residents changes the fingerprints of the periods from its date on only;
/// - each of its services as one digest (`serviceDigest`) of the service and every tariff of it (all
///   dates: a corrected tariff of any month recomputes every period of the accounts using it), taken
///   once per close for the whole catalog (`ReferenceDigests`);
/// - the period itself, the account's volumes of that period and its absences overlapping it;
/// - per meter register, what its history gives for the period (measured, average or norm, with the
///   quantity) as of the close: a late reading that spreads over estimated periods changes exactly
///   those periods' fingerprints.
///
/// Readings are not fed row by row: the register volumes are what the lines depend on. Every field of
/// the entities is fed, including those the rules ignore today (a renamed account only costs a
/// recomputation that finds no difference); a new field of an entity must be added here.
public enum InputFingerprint {
    /// The digest of the billing rules the charge lines depend on (not the penalty rules).
    public static func rulesDigest(_ rules: BillingRules) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(String(reflecting: rules.vatRates))
        hasher.combine(rules.readingWindow.firstDay)
        hasher.combine(rules.readingWindow.lastDay)
        hasher.combine(rules.tariffDay.rawValue)
        hasher.combine(rules.averageMonths)
        hasher.combine(rules.minimumAverageMonths)
        hasher.combine(rules.maximumEstimatedPeriods)
        hasher.combine(rules.absenceMinimumExcludedDays)
        return hasher.value
    }

    /// The digest of `service` and `tariffs`, which are its tariffs, in their order: what an account's
    /// fingerprint feeds for each of its services.
    /// - Complexity: O(tariffs).
    public static func serviceDigest(_ service: Service, tariffs: some Collection<Tariff>) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(service)
        hasher.combine(tariffs.count)
        for tariff in tariffs { hasher.combine(tariff) }
        return hasher.value
    }

    /// The part shared by all the account's periods with the same area and residents: rules,
    /// account, connections, services with their tariffs, meters, one per premises the account had.
    /// The part of the premises before a dated change is made when a period before it is first asked
    /// for: a close compares few earlier periods, often none.
    public struct AccountParts {
        private let input: AccountBillingInput
        private let services: [UInt64]
        private let rules: UInt64
        private let own: StableHasher
        /// Per `input.earlierPremises`, its part once asked for.
        private var earlier: [StableHasher?]

        /// `input` is narrowed to the account (`AccountBilling.narrowed`).
        /// - Complexity: O(rows of the account) (see `ReferenceDigests.serviceDigests`).
        public init(_ input: AccountBillingInput, digests: ReferenceDigests) {
            self.input = input
            services = digests.serviceDigests(of: input)
            rules = digests.rules
            own = InputFingerprint.accountPart(input, account: input.account, services: services, rules: rules)
            earlier = Array(repeating: nil, count: input.earlierPremises.count)
        }

        /// The part of `refPeriod`'s fingerprint.
        /// - Complexity: O(1), or O(connections + meters) the first time a premises before a change is asked for.
        public mutating func part(for refPeriod: Period) -> StableHasher {
            guard let index = input.earlierPremises.firstIndex(where: { refPeriod < $0.until }) else { return own }
            if let part = earlier[index] { return part }
            let part = InputFingerprint.accountPart(input, account: input.account(in: input.earlierPremises[index].until.previous),
                                                    services: services, rules: rules)
            earlier[index] = part
            return part
        }
    }

    /// The part shared by the account's periods billed as `account` (`AccountBillingInput.account(in:)`),
    /// with its services' digests (`ReferenceDigests.serviceDigests`) and the rules' (`rulesDigest`).
    private static func accountPart(_ input: AccountBillingInput, account: Account, services: [UInt64],
                                    rules: UInt64) -> StableHasher {
        var hasher = StableHasher()
        hasher.combine(rules)
        hasher.combine(account)
        hasher.combine(input.accountServices.count)
        for row in input.accountServices { hasher.combine(row) }
        hasher.combine(input.services.count)
        for digest in services { hasher.combine(digest) }
        hasher.combine(input.meters.count)
        for meter in input.meters { hasher.combine(meter) }
        return hasher
    }

    /// The fingerprint of `refPeriod`: its `AccountParts.part(for:)` plus the period's volumes, overlapping absences
    /// and register volumes. Never 0: the store marks fingerprints it does not know (periods closed
    /// before fingerprints were stored) with 0, so they always differ.
    /// - Complexity: O(v + a + m × p) for v volumes, a absences, m registers with p periods of readings.
    public static func period(_ refPeriod: Period, accountPart: StableHasher, input: AccountBillingInput,
                              histories: [RegisterHistory], rules: BillingRules) -> UInt64 {
        var hasher = accountPart
        hasher.combine(refPeriod)
        for volume in input.volumes where volume.period == refPeriod {
            hasher.combine(1)
            hasher.combine(volume)
        }
        let first = refPeriod.firstDay, last = refPeriod.lastDay
        for absence in input.absences where absence.dateFrom <= last && absence.dateTo >= first {
            hasher.combine(2)
            hasher.combine(absence)
        }
        for history in histories {
            hasher.combine(3)
            hasher.combine(history.meterID)
            hasher.combine(history.zone.rawValue)
            switch history.volume(for: refPeriod, rules: rules) {
            case .measured(let quantity): hasher.combine(1); hasher.combine(quantity)
            case .average(let quantity): hasher.combine(2); hasher.combine(quantity)
            case .norm: hasher.combine(3)
            }
        }
        return hasher.value == 0 ? 1 : hasher.value
    }
}
