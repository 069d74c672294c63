import RaschetDispatch
import Testing

@Suite struct RateLimiterTests {
    static let second: Int64 = 1_000_000_000

    @Test func threePerSecondLetsThreeGoThenWaitsForTheFirstToLeaveTheWindow() {
        var limiter = RateLimiter(perSecond: 3, perHour: 0)
        for time: Int64 in [0, 100_000_000, 200_000_000] {
            #expect(limiter.delay(at: time) == 0)
            limiter.record(at: time)
        }
        // The fourth may go when the first (at 0) is one second old.
        #expect(limiter.delay(at: 250_000_000) == 750_000_000)
        limiter.record(at: Self.second)
        #expect(limiter.delay(at: Self.second) == 100_000_000)
    }

    @Test func theHourlyLimitHoldsOverASlidingHour() {
        var limiter = RateLimiter(perSecond: 0, perHour: 2)
        limiter.record(at: 0)
        limiter.record(at: 10 * Self.second)
        #expect(limiter.delay(at: 20 * Self.second) == 3_580 * Self.second)
        limiter.record(at: 3_600 * Self.second)
        #expect(limiter.delay(at: 3_600 * Self.second) == 10 * Self.second)
    }

    @Test func zeroMeansNoLimit() {
        var limiter = RateLimiter(perSecond: 0, perHour: 0)
        for _ in 0..<1000 { limiter.record(at: 5) }
        #expect(limiter.delay(at: 5) == 0)
    }

    @Test func aSimulatedRunOfTenThousandKeepsEveryOneSecondWindowWithinTheLimit() {
        var limiter = RateLimiter(perSecond: 7, perHour: 0)
        var now: Int64 = 0
        var sends: [Int64] = []
        for _ in 0..<10_000 {
            now += limiter.delay(at: now)
            limiter.record(at: now)
            sends.append(now)
            now += 13_000_000  // each message takes 13 ms to send
        }
        for index in 7..<sends.count { #expect(sends[index] - sends[index - 7] >= Self.second) }
        // Message 7k + j goes at k seconds + j × 13 ms: the last (9 999 = 7 × 1 428 + 3) at 1 428.039 s.
        #expect(sends.last! == 1_428 * Self.second + 39_000_000)
    }
}

@Suite struct RetryPolicyTests {
    @Test func delaysDoubleFromTheBaseUpToTheCap() {
        let policy = RetryPolicy(attempts: 6, baseDelayNanoseconds: 2, maximumDelayNanoseconds: 10)
        #expect((1...6).map { policy.delay(afterFailedTry: $0) } == [2, 4, 8, 10, 10, 10])
    }

    @Test func atLeastOneAttemptIsMade() {
        #expect(RetryPolicy(attempts: 0).attempts == 1)
    }
}
