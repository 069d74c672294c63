/// How temporary failures (4xx, a lost connection) are retried: up to `attempts` tries, waiting
/// `baseDelay`, then twice as long each time, capped at `maximumDelay`.
public struct RetryPolicy: Sendable, Hashable {
    public var attempts: Int
    public var baseDelayNanoseconds: Int64
    public var maximumDelayNanoseconds: Int64

    public init(attempts: Int = 4, baseDelayNanoseconds: Int64 = 2_000_000_000,
                maximumDelayNanoseconds: Int64 = 60_000_000_000) {
        self.attempts = max(1, attempts)
        self.baseDelayNanoseconds = baseDelayNanoseconds
        self.maximumDelayNanoseconds = maximumDelayNanoseconds
    }

    /// The wait after the `failedTry`-th failure (1-based): base, 2 × base, 4 × base, ... capped.
    public func delay(afterFailedTry failedTry: Int) -> Int64 {
        var delay = baseDelayNanoseconds
        for _ in 1..<max(1, failedTry) {
            delay = delay > maximumDelayNanoseconds / 2 ? maximumDelayNanoseconds : delay * 2
        }
        return min(delay, maximumDelayNanoseconds)
    }
}
