public import RaschetCore

/// Where the outbox lives (the database's `outbox` table; the CLI adapts the store to this, as
/// dispatch does not import the store). Each `save` must be durable when it returns: the
/// never-twice rule depends on the `sending` record being committed before the data goes out.
public protocol OutboxStorage: Sendable {
    /// The period's entries, by account.
    func entries(period: Period) throws -> [String: OutboxEntry]
    /// Inserts or replaces the entry of (`account`, `period`) and commits.
    func save(_ entry: OutboxEntry) throws
}
