/// The keys rows may reference: what the store holds plus what the current import adds.
/// Used for referential checks (a tariff for an unknown service is a row error).
public struct KnownKeys: Sendable {
    public var suppliers: Set<String> = []
    public var services: Set<String> = []
    public var accounts: Set<String> = []
    /// Every meter with its number of zones, so that a reading's zone can be checked, and the readings
    /// of its registers, so that a reading is checked against those on both sides of its date: the
    /// stored readings are added only when an import reaches its first reading
    /// (`DataSink.loadStoredReadings`).
    public var meters = KnownMeters()
    /// Payment id -> the payment as a close posted it and that close's period: a posted payment is
    /// never changed by an import (README, "Late and corrected data").
    public var postedPayments: [String: (payment: Payment, period: Period)] = [:]

    public init() {}
}
