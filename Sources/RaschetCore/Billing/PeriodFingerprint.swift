/// What one account's charge lines for `refPeriod` were computed from, as a 64-bit `StableHasher`
/// value (`InputFingerprint`): stored by the close that computed them, so that a later close
/// recomputes the period only when it differs.
public struct PeriodFingerprint: Sendable, Hashable {
    public var refPeriod: Period
    public var value: UInt64

    public init(refPeriod: Period, value: UInt64) {
        self.refPeriod = refPeriod
        self.value = value
    }
}
