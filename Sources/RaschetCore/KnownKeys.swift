/// The keys rows may reference: what the store holds plus what the current import adds.
/// Used for referential checks (a tariff for an unknown service is a row error).
public struct KnownKeys: Sendable {
    public var suppliers: Set<String> = []
    public var services: Set<String> = []
    public var accounts: Set<String> = []
    /// Meter id -> number of zones, so that a reading's zone can be checked.
    public var meters: [String: Int] = [:]

    public init() {}
}
