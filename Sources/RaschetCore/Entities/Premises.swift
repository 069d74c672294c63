/// An account's area and residents in a period: what a close billed it with
/// (`AccountCloseOutcome.premises`), which a receipt of that period shows whatever was corrected
/// since.
public struct Premises: Sendable, Hashable {
    public var area: ExactDecimal?
    public var residents: Int?

    public init(area: ExactDecimal?, residents: Int?) {
        self.area = area; self.residents = residents
    }
}

extension Account {
    /// The account's area and residents.
    public var premises: Premises { Premises(area: area, residents: residents) }

    /// The account with `premises`' area and residents.
    public func with(_ premises: Premises) -> Account {
        var result = self
        result.area = premises.area
        result.residents = premises.residents
        return result
    }
}
