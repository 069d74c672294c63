/// Everything the billing rules need to know about one account: its reference data, readings, and
/// the lines already posted for it in earlier closes. The close loads one per account (in batches)
/// and calls `AccountBilling.bill(_:period:rules:)`.
///
/// Lists may hold rows of other accounts (they are filtered by `account.id`), so a batch loader can
/// share the tariff list and service catalog across accounts.
public struct AccountBillingInput: Sendable, Hashable {
    public var account: Account
    /// The service catalog (at least the account's services).
    public var services: [Service]
    public var accountServices: [AccountService]
    /// Tariffs of the account's services, all dates (earlier periods are recomputed at their own).
    public var tariffs: [Tariff]
    public var meters: [Meter]
    /// All readings of the account's meters, or those from `readingsFrom` on; those counting for later
    /// periods are ignored.
    public var readings: [Reading]
    /// Nil: `readings` are the meters' whole history. A date: readings dated before it are left out,
    /// so every meter may have more history than given (a cut `RegisterHistory`).
    public var readingsFrom: CivilDate?
    /// With `readingsFrom`, the periods none of whose readings `readings` holds (`ReadingsBound`),
    /// if any.
    public var readingsLeftOut: ClosedRange<Period>?
    /// With `readingsFrom`, whether no reading is stored before it (`ReadingsBound.nothingBefore`).
    public var nothingBeforeReadingsFrom = false
    public var volumes: [Volume]
    public var absences: [Absence]
    /// The area and residents `account` had before its dated changes, ascending by `until`, each
    /// `until` once: a period is billed with the first entry it is before, a period after them all
    /// with the account's own values. Empty: the account's values for every period.
    public var earlierPremises: [EarlierPremises] = []
    /// Lines posted by earlier closes (kinds `charge` and `recalc`; others are ignored). Every earlier
    /// period referenced here, within the lookback, is recomputed and corrected by `recalc` lines.
    public var posted: [ChargeLine]
    /// Earlier periods to recompute even if nothing was posted for them (e.g. a service connected
    /// retroactively).
    public var recomputePeriods: [Period]
    /// Per earlier period, the input fingerprint stored by the latest close that computed its lines
    /// (`InputFingerprint`); a period whose current fingerprint equals it is not recomputed. Empty:
    /// every period with posted lines is recomputed.
    public var closedFingerprints: [Period: UInt64]
    /// The earliest period whose inputs may have changed since the previous close began, under the
    /// same rules (the account's input marks, `InputMarksTable`): a plan fingerprints the earlier
    /// periods from it on, and before it only those the readings counting for a period from it on
    /// re-estimate (`RegisterHistory.gapClosed(at:)`) and those forced (a later period counts as the
    /// period being closed). The period being closed for an account without marks: only its new
    /// readings can change an earlier period. Nil (the default): any, every earlier period a plan
    /// compares is fingerprinted.
    public var changedFrom: Period?
    /// True (the default): `closedFingerprints` holds every stored fingerprint, or every one of the
    /// periods from the first its plan compares when the store added them for a plan that awaited
    /// them. False: the store left them out of an account with `changedFrom`, until its plan says
    /// which earlier periods it compares (`BillingPlan.awaitsClosedFingerprints`); most compare none.
    public var closedFingerprintsLoaded = true
    /// With a period, `volumes` holds only those of it and later ones: the store reads no more for an
    /// account whose plan compares no earlier period (with `closedFingerprintsLoaded` false), and
    /// those from the first period it compares for a plan that awaits them. Nil: every volume.
    public var volumesFrom: Period?

    public init(account: Account, services: [Service], accountServices: [AccountService], tariffs: [Tariff],
                meters: [Meter] = [], readings: [Reading] = [], volumes: [Volume] = [], absences: [Absence] = [],
                posted: [ChargeLine] = [], recomputePeriods: [Period] = [], closedFingerprints: [Period: UInt64] = [:]) {
        self.account = account; self.services = services; self.accountServices = accountServices
        self.tariffs = tariffs; self.meters = meters; self.readings = readings; self.volumes = volumes
        self.absences = absences; self.posted = posted; self.recomputePeriods = recomputePeriods
        self.closedFingerprints = closedFingerprints
        self.readingsFrom = nil
    }

    /// The account as billed in `refPeriod`: its row with the area and residents of that period.
    /// - Complexity: O(earlierPremises).
    public func account(in refPeriod: Period) -> Account { account.asOf(refPeriod, earlier: earlierPremises) }
}
