/// The rows stored before an import that its checks compare new rows with, looked up by key as the
/// rows come: a reading against its register's stored readings nearest its date, a payment against
/// the one a close posted under its id. These grow every month, so an import does not hold them in
/// memory, and a lookup reads what it answers with, not a register's whole history.
public protocol StoredLookup {
    /// The stored readings of `reading`'s register (meter and zone) nearest its date: the latest
    /// before it, the one on it, the earliest after it (`KnownMeters.Neighbours(of:amongStored:)` of
    /// the meter's stored readings).
    func neighbours(of reading: Reading) throws -> KnownMeters.Neighbours
    /// The payment `id` as a close posted it, with that close's period; nil when no close posted it.
    func postedPayment(_ id: String) throws -> PostedPayment?
}

/// A payment as a close took it into a balance: an import may not change it (README, "Late and
/// corrected data").
public struct PostedPayment: Sendable, Hashable {
    public var payment: Payment
    /// The close that posted it.
    public var period: Period

    public init(payment: Payment, period: Period) {
        self.payment = payment
        self.period = period
    }
}

/// Where an import's checking thread gets its `StoredLookup`: the lookup is made on, and used only
/// by, the thread that calls `withLookup`, and sees the rows as they were before the import.
public protocol StoredSnapshot: Sendable {
    func withLookup<T>(_ body: (any StoredLookup) throws -> T) throws -> T
}

/// No rows stored: an import into an empty store or into a `DataSet`.
public struct NothingStored: StoredSnapshot, StoredLookup {
    public init() {}
    public func withLookup<T>(_ body: (any StoredLookup) throws -> T) throws -> T { try body(self) }
    public func neighbours(of reading: Reading) throws -> KnownMeters.Neighbours { .init() }
    public func postedPayment(_ id: String) throws -> PostedPayment? { nil }
}
