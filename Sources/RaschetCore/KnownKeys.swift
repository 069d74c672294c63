/// The keys rows may reference: what the store holds plus what the current import adds.
/// Used for referential checks (a tariff for an unknown service is a row error).
public struct KnownKeys: Sendable {
    public var suppliers: Set<String> = []
    public var services: Set<String> = []
    public var accounts: Set<String> = []
    /// Every meter with its number of zones, so that a reading's zone can be checked, and the
    /// readings the import accepted so far (the stored ones are looked up: `StoredLookup`).
    public var meters = KnownMeters()

    public init() {}
}
