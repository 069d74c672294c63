/// The keys rows may reference: what the store holds plus what the current import adds.
/// Used for referential checks (a tariff for an unknown service is a row error).
public struct KnownKeys: Sendable {
    public var suppliers: Set<String> = []
    public var services: Set<String> = []
    public var accounts: Set<String> = []
    /// Meter id -> number of zones, so that a reading's zone can be checked.
    public var meters: [String: Int] = [:]
    /// Payment id -> the payment as a close posted it and that close's period: a posted payment is
    /// never changed by an import (README, "Late and corrected data").
    public var postedPayments: [String: (payment: Payment, period: Period)] = [:]
    /// The readings of every meter register, so that a reading is checked against those on both sides
    /// of its date: loaded only for an import that may hold readings (`Store.importRows(withReadings:)`).
    public var readings = RegisterReadings()

    public init() {}
}
