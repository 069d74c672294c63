/// A meter of an account's service. Key: `id`.
public struct Meter: Sendable, Hashable {
    public var id: String
    public var accountID: String
    public var serviceID: String
    /// Number of tariff zones: 1 (single), 2 (day/night) or 3 (peak/half-peak/night).
    public var zones: Int
    /// Register digits before the decimal point; a rollover wraps at 10^digits.
    public var digits: Int?
    public var installed: CivilDate?
    public var removed: CivilDate?
    public var verificationDue: CivilDate?

    public init(id: String, accountID: String, serviceID: String, zones: Int = 1, digits: Int? = nil,
                installed: CivilDate? = nil, removed: CivilDate? = nil, verificationDue: CivilDate? = nil) {
        self.id = id; self.accountID = accountID; self.serviceID = serviceID; self.zones = zones; self.digits = digits
        self.installed = installed; self.removed = removed; self.verificationDue = verificationDue
    }

    /// The zones a meter with `zones` registers reads.
    public static func zoneSet(forCount zones: Int) -> [Zone] {
        switch zones {
        case 2: return [.day, .night]
        case 3: return [.peak, .halfpeak, .night]
        default: return [.single]
        }
    }
}
