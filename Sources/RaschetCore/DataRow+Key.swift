/// The natural key of a row (SPEC section 3): what makes two rows "the same row" on re-import.
extension DataRow {
    /// Feeds the natural key's parts to `hasher` (no strings are built).
    public func combineKey(into hasher: inout Hasher) {
        switch self {
        case .supplier(let v): hasher.combine(v.id)
        case .service(let v): hasher.combine(v.id)
        case .tariff(let v):
            hasher.combine(v.serviceID); hasher.combine(v.validFrom); hasher.combine(v.zone); hasher.combine(v.category)
        case .account(let v): hasher.combine(v.id)
        case .accountService(let v): hasher.combine(v.accountID); hasher.combine(v.serviceID); hasher.combine(v.validFrom)
        case .meter(let v): hasher.combine(v.id)
        case .reading(let v): hasher.combine(v.meterID); hasher.combine(v.date); hasher.combine(v.zone)
        case .volume(let v): hasher.combine(v.accountID); hasher.combine(v.serviceID); hasher.combine(v.period)
        case .payment(let v): hasher.combine(v.id)
        case .absence(let v): hasher.combine(v.accountID); hasher.combine(v.dateFrom)
        case .keyRate(let v): hasher.combine(v.validFrom)
        }
    }

    /// The natural key's values joined by " / ", for messages ("HVS / 2026-07-01 / single / household").
    public var keyDescription: String {
        let parts: [String] = switch self {
        case .supplier(let v): [v.id]
        case .service(let v): [v.id]
        case .tariff(let v): [v.serviceID, v.validFrom.isoString, v.zone.rawValue, v.category.rawValue]
        case .account(let v): [v.id]
        case .accountService(let v): [v.accountID, v.serviceID, v.validFrom.isoString]
        case .meter(let v): [v.id]
        case .reading(let v): [v.meterID, v.date.isoString, v.zone.rawValue]
        case .volume(let v): [v.accountID, v.serviceID, v.period.code]
        case .payment(let v): [v.id]
        case .absence(let v): [v.accountID, v.dateFrom.isoString]
        case .keyRate(let v): [v.validFrom.isoString]
        }
        return parts.joined(separator: " / ")
    }
}
