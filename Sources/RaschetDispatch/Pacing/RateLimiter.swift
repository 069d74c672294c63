/// At most `perSecond` messages in any one-second window and `perHour` in any hour (sliding
/// windows over the send times; 0 means no limit), as hosting providers count them.
public struct RateLimiter: Sendable {
    private struct Window: Sendable {
        let limit: Int
        let length: Int64
        /// Send times inside the window, oldest first; at most `limit` are kept.
        var sends: [Int64] = []
        var head = 0

        /// The earliest time a send keeps at most `limit` sends in any `length`.
        func earliest(after now: Int64) -> Int64 {
            guard limit > 0, sends.count - head >= limit else { return now }
            return max(now, sends[sends.count - limit] + length)
        }

        mutating func record(_ time: Int64) {
            guard limit > 0 else { return }
            sends.append(time)
            if sends.count - head > limit { head += 1 }
            if head > 4096 && head * 2 > sends.count {
                sends.removeFirst(head)
                head = 0
            }
        }
    }

    private var second: Window
    private var hour: Window

    public init(perSecond: Int, perHour: Int) {
        second = Window(limit: max(0, perSecond), length: 1_000_000_000)
        hour = Window(limit: max(0, perHour), length: 3_600 * 1_000_000_000)
    }

    /// How long to wait from `now` (nanoseconds) before the next message may go.
    public func delay(at now: Int64) -> Int64 {
        max(second.earliest(after: now), hour.earliest(after: now)) - now
    }

    /// Counts a message sent at `time`.
    public mutating func record(at time: Int64) {
        second.record(time)
        hour.record(time)
    }
}
