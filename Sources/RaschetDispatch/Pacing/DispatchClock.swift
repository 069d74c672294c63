/// The time a dispatch waits by: monotonic nanoseconds and a way to sleep. Tests pass a fake that
/// advances when asked to sleep, so rate limits and backoff are tested without waiting.
public protocol DispatchClock: Sendable {
    /// Monotonic nanoseconds from an arbitrary origin.
    func now() -> Int64
    /// Waits `nanoseconds`.
    func sleep(nanoseconds: Int64) async throws
}

/// The real clock (`ContinuousClock`).
public struct SystemDispatchClock: DispatchClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func now() -> Int64 {
        let elapsed = ContinuousClock.now - origin
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }

    public func sleep(nanoseconds: Int64) async throws {
        if nanoseconds > 0 { try await Task.sleep(for: .nanoseconds(nanoseconds)) }
    }
}
