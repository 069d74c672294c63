import RaschetCore
import Testing

/// A tier table's divisor and share per day of delay: ЖК ст. 155 ч. 14 for households (days 1–30
/// nothing, 31–90 1/300, from 91 1/130; shares in 1/3900ths, 3900 = lcm(300, 130)), 1/130 from day 1
/// for businesses.
@Suite struct PenaltyTierTableTests {
    @Test(arguments: [(0, nil, nil), (1, nil, nil), (30, nil, nil), (31, 300, 13), (90, 300, 13), (91, 130, 30), (4000, 130, 30)]
          as [(Int, Int?, Int?)])
    func aHouseholdDayHasItsTiersShare(day: Int, divisor: Int?, share: Int?) {
        let table = PenaltyTierTable.household
        #expect(table.commonDenominator == 3900)
        #expect(table.divisor(forDay: day) == divisor)
        #expect(table.share(forDay: day) == share)
    }

    @Test(arguments: [(-10, 0, false), (1, 30, false), (15, 30, false), (1, 31, true), (30, 31, true), (95, 120, true)]
          as [(Int, Int, Bool)])
    func aRangeOfHouseholdDaysAccruesWhenADayOfItBearsAShare(first: Int, last: Int, accrues: Bool) {
        #expect(PenaltyTierTable.household.accrues(fromDay: first, throughDay: last) == accrues)
    }

    /// A settings file may leave a gap: 1/130 on days 1–10, nothing on 11–20, 1/300 from 21.
    @Test func aGapBetweenTiersAccruesNothing() throws {
        let table = try #require(PenaltyTierTable([.init(fromDay: 1, divisor: 130), .init(fromDay: 11, divisor: nil),
                                                   .init(fromDay: 21, divisor: 300)]))
        #expect(!table.accrues(fromDay: 11, throughDay: 20))
        #expect(table.accrues(fromDay: 11, throughDay: 21))
        #expect(table.accrues(fromDay: 5, throughDay: 12))
        #expect(table.share(forDay: 15) == nil)
        #expect(table.share(forDay: 21) == 13)
    }

    @Test func aBusinessAccruesFromTheFirstDay() {
        let table = PenaltyTierTable.businessFromDayOne
        #expect(table.commonDenominator == 130)
        #expect(table.share(forDay: 0) == nil)
        #expect(table.share(forDay: 1) == 1)
        #expect(table.share(forDay: 365) == 1)
    }

    /// The common denominator is the least common multiple, up to 10^9: coprime divisors near the
    /// settings' limit of 1,000 reach it in four tiers, and are refused rather than overflowing.
    @Test func theCommonDenominatorIsBoundedInsteadOfOverflowing() {
        #expect(PenaltyTierTable.commonDenominator(of: [300, 130]) == 3_900)
        #expect(PenaltyTierTable.commonDenominator(of: []) == 1)
        #expect(PenaltyTierTable.commonDenominator(of: [997, 991, 983]) == 971_230_541)
        #expect(PenaltyTierTable.commonDenominator(of: [997, 991, 983, 977]) == nil)
        #expect(PenaltyTierTable.commonDenominator(of: [997, 991, 983, 977, 971, 967, 953]) == nil)
    }
}
