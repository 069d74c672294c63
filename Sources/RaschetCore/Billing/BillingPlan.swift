/// What `AccountBilling` decides for one account before computing any line: the histories of its
/// meter registers and which earlier periods it recomputes, with their input fingerprints. The close
/// makes it once, when it loads the account (to know which earlier lines to load), and hands it to
/// the billing, so that histories and fingerprints are not built twice.
public struct BillingPlan: Sendable, Hashable {
    /// The register histories as of the period being closed.
    public let histories: [RegisterHistory]
    /// The earlier periods a plan may compare (see `AccountBilling.bill`).
    let candidates: Set<Period>
    /// The candidates fingerprinted, ascending: all of them unless the input says only some may have
    /// changed (`AccountBillingInput.changedFrom`). While the plan awaits the stored
    /// fingerprints, the periods it would compare were they candidates.
    public let compared: [Period]
    /// Whether the plan was made without the stored fingerprints (`AccountBillingInput.closedFingerprintsLoaded`)
    /// of an account whose readings re-estimate an earlier period: which of those periods are
    /// candidates, and their fingerprints, are still to be read. `AccountBilling.plan` completes it
    /// once they are loaded; `recompute` and `changed` are empty until then.
    public let awaitsClosedFingerprints: Bool
    /// The earlier periods the plan may compare when it compares only some
    /// (`AccountBillingInput.changedFrom`): those from that period on, those the readings counting
    /// for them re-estimate and those forced, within the lookback. Nil when it compares every candidate.
    let reach: Set<Period>?
    /// The earlier periods to recompute, ascending.
    public let recompute: [Period]
    /// The fingerprint of the period being closed.
    let own: UInt64
    /// The compared periods whose fingerprint differs from the stored one.
    let changed: [PeriodFingerprint]
    /// Whether the input the plan was made from held the account's own rows only
    /// (`AccountBilling.isNarrowed`, as the close's loader gives them): `bill`, given the plan with
    /// that input and the earlier lines loaded since, then narrows the lines only.
    let ownRowsOnly: Bool
}
