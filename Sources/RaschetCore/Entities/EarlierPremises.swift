/// The area and residents an account had before a dated change (`Account.changedFrom`), kept by
/// the store for the periods before `until`: the values a recomputed earlier period is billed with.
public struct EarlierPremises: Sendable, Hashable {
    /// The first period these values no longer apply to.
    public var until: Period
    public var area: ExactDecimal?
    public var residents: Int?

    public init(until: Period, area: ExactDecimal?, residents: Int?) {
        self.until = until; self.area = area; self.residents = residents
    }
}

extension Account {
    /// The account as of `period`: with the area and residents of the first of `earlier` (ascending
    /// by `until`) that `period` is before, else as it is.
    /// - Complexity: O(earlier).
    public func asOf(_ period: Period, earlier: [EarlierPremises]) -> Account {
        guard let values = earlier.first(where: { period < $0.until }) else { return self }
        var result = self
        result.area = values.area
        result.residents = values.residents
        return result
    }
}
