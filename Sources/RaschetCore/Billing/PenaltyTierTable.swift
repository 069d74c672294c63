/// The share of the key rate charged per day of delay, by day of delay (ЖК ст. 155 ч. 14 for
/// households; other tiers for business consumers under 35-ФЗ, 190-ФЗ, 416-ФЗ).
///
/// A tier applies from its `fromDay` until the next tier's; `divisor == nil` means nothing accrues
/// (days 1–30 for households). Day 1 is the day after the due day.
public struct PenaltyTierTable: Sendable, Hashable {
    public struct Tier: Sendable, Hashable {
        /// First day of delay (1-based) the tier applies to.
        public var fromDay: Int
        /// The daily share is 1/`divisor` of the rate; nil: no accrual.
        public var divisor: Int?

        public init(fromDay: Int, divisor: Int?) {
            precondition(fromDay >= 1 && (divisor ?? 1) > 0, "bad penalty tier")
            self.fromDay = fromDay
            self.divisor = divisor
        }
    }

    /// Ascending by `fromDay`.
    public let tiers: [Tier]
    /// The least common multiple of the divisors: the common denominator of one day's shares.
    public let commonDenominator: Int
    /// Each tier's daily share in 1/`commonDenominator`ths (`commonDenominator / divisor`).
    private let shares: [Int?]

    /// The largest common denominator a table may have, 10^9 (the legal tables have 3,900): it
    /// keeps a day's share times the days of a delay, and `PenaltyCalculator`'s sums, far inside
    /// their integers.
    public static let maximumCommonDenominator = 1_000_000_000

    /// The least common multiple of `divisors` (positive), or nil when it exceeds
    /// `maximumCommonDenominator`.
    public static func commonDenominator(of divisors: [Int]) -> Int? {
        var result = 1
        for divisor in divisors {
            let (multiple, overflow) = (result / gcd(result, divisor)).multipliedReportingOverflow(by: divisor)
            guard !overflow, multiple <= maximumCommonDenominator else { return nil }
            result = multiple
        }
        return result
    }

    /// The table of `tiers`, or nil when a divisor is not positive or the divisors have no common
    /// denominator up to `maximumCommonDenominator` (the settings refuse such a table, naming it).
    public init?(_ tiers: [Tier]) {
        let divisors = tiers.compactMap(\.divisor)
        guard divisors.allSatisfy({ $0 > 0 }), let denominator = Self.commonDenominator(of: divisors) else { return nil }
        self.init(tiers, commonDenominator: denominator)
    }

    /// `tiers` with `commonDenominator`, the least common multiple of their divisors.
    private init(_ tiers: [Tier], commonDenominator: Int) {
        self.tiers = tiers.sorted { $0.fromDay < $1.fromDay }
        self.commonDenominator = commonDenominator
        shares = self.tiers.map { tier in tier.divisor.map { commonDenominator / $0 } }
    }

    /// ЖК ст. 155 ч. 14: days 1–30 nothing, 31–90 1/300, from 91 1/130.
    public static let household = PenaltyTierTable([
        Tier(fromDay: 1, divisor: nil), Tier(fromDay: 31, divisor: 300), Tier(fromDay: 91, divisor: 130),
    ], commonDenominator: 3_900)

    /// 1/130 from day 1: business consumers of heat, water and energy (190-ФЗ, 416-ФЗ, 35-ФЗ).
    public static let businessFromDayOne = PenaltyTierTable([Tier(fromDay: 1, divisor: 130)], commonDenominator: 130)

    /// The divisor for day `day` of the delay; nil when nothing accrues (including `day < 1`).
    public func divisor(forDay day: Int) -> Int? {
        var result: Int?
        for tier in tiers where tier.fromDay <= day { result = tier.divisor }
        return day >= 1 ? result : nil
    }

    /// The share of day `day` of the delay in 1/`commonDenominator`ths of the rate (`commonDenominator`
    /// divided by `divisor(forDay:)`); nil when nothing accrues.
    public func share(forDay day: Int) -> Int? {
        guard day >= 1 else { return nil }
        var result: Int?
        for index in tiers.indices {
            guard tiers[index].fromDay <= day else { break }
            result = shares[index]
        }
        return result
    }

    /// Whether any day of delay from `first` through `last` bears a share.
    public func accrues(fromDay first: Int, throughDay last: Int) -> Bool {
        for index in tiers.indices where shares[index] != nil {
            let end = index + 1 < tiers.count ? tiers[index + 1].fromDay - 1 : Int.max
            if max(first, 1, tiers[index].fromDay) <= min(last, end) { return true }
        }
        return false
    }
}

private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
