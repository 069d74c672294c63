/// The area and residents an account had before a dated change (`Account.changedFrom`), kept by
/// the store for the periods before `until`: the values a recomputed earlier period is billed with.
public struct EarlierPremises: Sendable, Hashable {
    /// The first period these values no longer apply to.
    public var until: Period
    public var premises: Premises

    public init(until: Period, area: ExactDecimal?, residents: Int?) {
        self.until = until
        premises = Premises(area: area, residents: residents)
    }
}

extension Account {
    /// The account as of `period`: with the area and residents of the first of `earlier` (ascending
    /// by `until`) that `period` is before, else as it is.
    /// - Complexity: O(earlier).
    public func asOf(_ period: Period, earlier: [EarlierPremises]) -> Account {
        earlier.first { period < $0.until }.map { with($0.premises) } ?? self
    }
}
