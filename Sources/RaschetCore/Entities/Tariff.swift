/// A meter register or tariff zone (single-rate, day/night, peak/half-peak/night).
public enum Zone: String, Sendable, Hashable, CaseIterable, Comparable {
    case single, day, night, peak, halfpeak

    public static func < (a: Zone, b: Zone) -> Bool { a.sortIndex < b.sortIndex }
    private var sortIndex: Int { Self.allCases.firstIndex(of: self)! }
}

/// The consumer category a tariff applies to.
public enum ConsumerCategory: String, Sendable, Hashable, CaseIterable {
    case household, business
}

/// A price in force from `validFrom` (to `validTo`, inclusive, when set).
/// Key: service + validFrom + zone + category.
public struct Tariff: Sendable, Hashable {
    public var serviceID: String
    public var validFrom: CivilDate
    public var validTo: CivilDate?
    public var price: ExactDecimal
    public var zone: Zone
    public var category: ConsumerCategory
    /// Consumption norm per resident per month, for norm-charged services.
    public var norm: ExactDecimal?
    /// Increasing coefficient applied to norm charges when a meter could be installed but is not.
    public var coefficient: ExactDecimal

    public init(serviceID: String, validFrom: CivilDate, validTo: CivilDate? = nil, price: ExactDecimal,
                zone: Zone = .single, category: ConsumerCategory = .household, norm: ExactDecimal? = nil,
                coefficient: ExactDecimal = .one) {
        self.serviceID = serviceID; self.validFrom = validFrom; self.validTo = validTo; self.price = price
        self.zone = zone; self.category = category; self.norm = norm; self.coefficient = coefficient
    }
}
