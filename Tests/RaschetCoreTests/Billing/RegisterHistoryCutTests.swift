import RaschetCore
import Testing

/// A register history cut at a date (`AccountBillingInput.readingsFrom`): what it reaches equals what
/// the whole history gives, and what it does not reach is said so.
@Suite struct RegisterHistoryCutTests {
    static let meter = MeterConsumptionTests.water
    /// Jan..Jul as in `MeterConsumptionTests.history` (100 … 161), no reading in August, 185 in
    /// September, 196 in October; all on the 20th.
    static let whole = MeterConsumptionTests.history + Fixture.readings("M1", [("2026-09", "185"), ("2026-10", "196")])
    /// Cut at 2026-03-26, the first day counting for April (window to the 25th): April's reading (130)
    /// and on.
    static let from = day("2026-03-26")
    static var cut: [Reading] { whole.filter { $0.date >= from } }

    static func history(_ readings: [Reading], asOf period: String, isCut: Bool) throws -> RegisterHistory {
        try RegisterHistory(meter: meter, zone: .single, readings: readings, window: Fixture.rules.readingWindow,
                            asOf: month(period), isCut: isCut)
    }

    @Test func aCutHistoryGivesTheWholeOnesVolumesWhereItReaches() throws {
        let whole = try Self.history(Self.whole, asOf: "2026-11", isCut: false)
        let cut = try Self.history(Self.cut, asOf: "2026-11", isCut: true)
        let rules = Fixture.rules
        // Whole: May 139 − 130 = 9; Jun 11; Jul 11; Aug and Sep share 185 − 161 = 24: 12 each; Oct 11;
        // Nov unread: the average at October from April (6 months back): (196 − 130) / 6 = 11.
        let expected: [(String, RegisterHistory.PeriodVolume)] = [
            ("2026-05", .measured(dec("9"))), ("2026-06", .measured(dec("11"))), ("2026-07", .measured(dec("11"))),
            ("2026-08", .measured(dec("12"))), ("2026-09", .measured(dec("12"))), ("2026-10", .measured(dec("11"))),
            ("2026-11", .average(dec("11"))),
        ]
        for (period, volume) in expected {
            #expect(whole.volume(for: month(period), rules: rules) == volume, "\(period)")
            #expect(cut.volume(for: month(period), rules: rules) == volume, "\(period)")
            #expect(cut.reaches(month(period), rules: rules), "\(period)")
        }
        // April is the cut history's first period, not the register's: 130 − 118 = 12 needs March.
        #expect(whole.volume(for: month("2026-04"), rules: rules) == .measured(dec("12")))
        #expect(!cut.reaches(month("2026-04"), rules: rules))
        #expect(!cut.reaches(month("2026-02"), rules: rules))
        #expect(whole.reaches(month("2026-04"), rules: rules))
        // The review's average of November's lines, at October, starts in April: reached.
        #expect(cut.reachesAverage(before: month("2026-11"), rules: rules))
        // October's, at September, starts in March (185 − 118) / 6 = 11.166667: not reached.
        #expect(whole.average(at: 7, rules: rules) == dec("11.166667"))
        #expect(!cut.reachesAverage(before: month("2026-10"), rules: rules))
        #expect(whole.reachesAverage(before: month("2026-10"), rules: rules))
    }

    @Test func anEstimateNeedingMonthsBeforeTheCutIsNotReached() throws {
        // As of August (no reading yet): the estimate is the average at July from January,
        // 61 / 6 = 10.166667; cut at April, it would start before the history.
        let whole = try Self.history(Self.whole, asOf: "2026-08", isCut: false)
        let cut = try Self.history(Self.cut, asOf: "2026-08", isCut: true)
        #expect(whole.volume(for: month("2026-08"), rules: Fixture.rules) == .average(dec("10.166667")))
        #expect(!cut.reaches(month("2026-08"), rules: Fixture.rules))
        // Beyond the estimated periods nothing before the cut matters: the norm.
        #expect(cut.volume(for: month("2026-12"), rules: Fixture.rules) == .norm)
        #expect(cut.reaches(month("2026-12"), rules: Fixture.rules))
    }

    /// November's close reads March and April (from which the averages start) and October on, and
    /// leaves out May to September.
    static let leftOut = month("2026-05")...month("2026-09")
    static var banded: [Reading] {
        whole.filter { $0.date >= day("2026-02-26") && !leftOut.contains(window.period(of: $0.date)) }
    }
    static let window = Fixture.rules.readingWindow

    @Test func aHistoryLeavingOutPeriodsReachesWhatDoesNotReadAcrossThem() throws {
        let rules = Fixture.rules
        #expect(Self.banded.map(\.value) == [dec("118"), dec("130"), dec("196")])
        let whole = try Self.history(Self.whole, asOf: "2026-11", isCut: false)
        let banded = try RegisterHistory(meter: Self.meter, zone: .single, readings: Self.banded, window: Self.window,
                                         asOf: month("2026-11"), isCut: true, leftOut: Self.leftOut)
        // November, unread: the average at October from April, (196 − 130) / 6 = 11, both ways.
        #expect(banded.volume(for: month("2026-11"), rules: rules) == .average(dec("11")))
        #expect(whole.volume(for: month("2026-11"), rules: rules) == .average(dec("11")))
        #expect(banded.reaches(month("2026-11"), rules: rules))
        #expect(banded.reachesAverage(before: month("2026-11"), rules: rules))
        // April from March: 12 both ways.
        #expect(banded.volume(for: month("2026-04"), rules: rules) == .measured(dec("12")))
        #expect(banded.reaches(month("2026-04"), rules: rules))
        // October follows September's reading, which is left out: 11 in the whole history, not reached.
        #expect(whole.volume(for: month("2026-10"), rules: rules) == .measured(dec("11")))
        #expect(!banded.reaches(month("2026-10"), rules: rules))
        #expect(!banded.reaches(month("2026-07"), rules: rules))
        #expect(!banded.reachesAverage(before: month("2026-10"), rules: rules))
    }

    @Test func aHistoryWhoseLastReadingOrAverageStartIsLeftOutDoesNotReach() throws {
        let rules = Fixture.rules
        // December's close leaves out June to October: without a November reading the banded history
        // ends in May and would bill December by norm; the whole one estimates it from October.
        let december = Self.whole.filter { $0.date >= day("2026-03-26") && $0.date < day("2026-05-26") }
        let banded = try RegisterHistory(meter: Self.meter, zone: .single, readings: december, window: Self.window,
                                         asOf: month("2026-12"), isCut: true, leftOut: month("2026-06")...month("2026-10"))
        #expect(banded.volume(for: month("2026-12"), rules: rules) == .norm)
        #expect(try Self.history(Self.whole, asOf: "2026-12", isCut: false).volume(for: month("2026-12"), rules: rules)
            == .average(dec("11")))
        #expect(!banded.reaches(month("2026-12"), rules: rules))
        #expect(!banded.reachesAverage(before: month("2026-12"), rules: rules))
        // November's bands and a December reading (207), as of January: the estimate at December
        // starts at June (150), which is left out; from April it would differ.
        let january = Self.banded + Fixture.readings("M1", [("2026-12", "207")])
        let later = try RegisterHistory(meter: Self.meter, zone: .single, readings: january, window: Self.window,
                                        asOf: month("2027-01"), isCut: true, leftOut: Self.leftOut)
        let wholeLater = try Self.history(Self.whole + Fixture.readings("M1", [("2026-12", "207")]), asOf: "2027-01", isCut: false)
        #expect(wholeLater.volume(for: month("2027-01"), rules: rules) == .average(dec("9.5")))
        #expect(later.volume(for: month("2027-01"), rules: rules) == .average(dec("9.625")))
        #expect(!later.reaches(month("2027-01"), rules: rules))
        #expect(later.reaches(month("2026-12"), rules: rules))
    }

    /// The loader's input: readings from `readingsFrom` on.
    static func input(_ readings: [Reading]) -> AccountBillingInput {
        var input = Fixture.input(["HVS"], meters: [meter], readings: readings)
        input.readingsFrom = from
        return input
    }

    @Test(arguments: [
        // November's close from May: every volume May..Nov and the review's average reached.
        ("2026-05", "2026-11", true),
        // From April: April's volume needs March.
        ("2026-04", "2026-11", false),
        // October's close: its review's average needs March.
        ("2026-05", "2026-10", false),
    ])
    func readingsSufficeWhenEveryPeriodTheCloseComputesIsReached(first: String, period: String, suffice: Bool) throws {
        #expect(try Self.suffice(Self.input(Self.cut), from: first, through: period) == suffice)
    }

    static func suffice(_ input: AccountBillingInput, from first: String, through period: String) throws -> Bool {
        let histories = try AccountBilling.registerHistories(input, asOf: month(period), rules: Fixture.rules)
        return AccountBilling.readingsSuffice(histories, from: month(first), through: month(period), rules: Fixture.rules)
    }

    @Test func aMeterReadFromADateIsCutEvenWithoutEarlierReadings() throws {
        // A meter first read in May: loaded from the date, the close cannot tell that it has no
        // earlier readings, so May's volume is not reached and October's close reads it whole.
        let young = Self.whole.filter { $0.date >= day("2026-05-01") }
        #expect(try AccountBilling.registerHistories(Self.input(young), asOf: month("2026-10"), rules: Fixture.rules)
            .map(\.isCut) == [true])
        #expect(try !Self.suffice(Self.input(young), from: "2026-05", through: "2026-10"))
        var whole = Self.input(young)
        whole.readingsFrom = nil
        #expect(try AccountBilling.registerHistories(whole, asOf: month("2026-10"), rules: Fixture.rules).map(\.isCut) == [false])
        #expect(try Self.suffice(whole, from: "2026-05", through: "2026-10"))
    }

    @Test func theCloseReadsFromTwoPeriodsBeforeItsFirstOrEightMonthsBack() {
        let rules = Fixture.rules
        let december = AccountClose(period: month("2026-12"), rules: rules, keyRates: [])
        let longAgo = day("2020-01-01")
        // Earlier closes October and November: the average of December's lines, at November, starts
        // at the last reading of May or before (November − 6); a register missing May's reading has
        // April's: from April (December − 6 − 2), older than August (October − 2). April's readings
        // start on March 26 (window to the 25th).
        let bound = december.readingsBound(earlierCloses: [month("2026-10"), month("2026-11")], earliestReading: longAgo)
        #expect(bound?.from == day("2026-03-26"))
        #expect(bound?.first == month("2026-10"))
        // October's volume starts at September's readings: June to August are left out.
        #expect(bound?.leftOut == month("2026-06")...month("2026-08"))
        #expect(bound?.leftOutDates == day("2026-05-26")..<day("2026-08-26"))
        // With input marks December's close computes its own period only: June to October left out.
        let marks = december.readingsBound(earlierCloses: [month("2026-11")], earliestReading: longAgo, usesInputMarks: true)
        #expect(marks?.from == day("2026-03-26"))
        #expect(marks?.leftOut == month("2026-06")...month("2026-10"))
        // An earlier close within the lookback two years before: from two months before it.
        let old = december.readingsBound(earlierCloses: [month("2025-01"), month("2026-11")], earliestReading: longAgo)
        #expect(old?.from == day("2024-10-26"))
        #expect(old?.first == month("2025-01"))
        #expect(old?.leftOut == nil)
        // Beyond the 36 months of the lookback an earlier close is never recomputed.
        #expect(december.readingsBound(earlierCloses: [month("2023-01"), month("2026-11")], earliestReading: longAgo)?.first
            == month("2026-11"))
        // A history younger than the bound (no reading before March 26): the close reads from the
        // bound, and from the period of the earliest reading on if the months left out start before.
        let young = december.readingsBound(earlierCloses: [month("2026-11")], earliestReading: day("2026-05-25"))
        #expect(young?.from == day("2026-03-26"))
        #expect(young?.nothingBefore == true)
        #expect(young?.leftOutDates == day("2026-05-26")..<day("2026-09-26"))
        #expect(bound?.nothingBefore == false)
        // The earliest reading counts for June: June is read, July to September left out.
        let younger = december.readingsBound(earlierCloses: [month("2026-11")], earliestReading: day("2026-05-26"))
        #expect(younger?.leftOut == month("2026-07")...month("2026-09"))
        #expect(younger?.from == day("2026-03-26"))
        // From September on nothing is left out: no bound.
        #expect(december.readingsBound(earlierCloses: [month("2026-11")], earliestReading: day("2026-08-26")) == nil)
        #expect(december.readingsBound(earlierCloses: [month("2026-11")], earliestReading: day("2026-08-25"))?.leftOut
            == month("2026-09")...month("2026-09"))
        // None before the bound and none left out, or no reading at all: nothing to leave out.
        #expect(old?.leftOut == nil && december.readingsBound(earlierCloses: [month("2025-01"), month("2026-11")],
                                                              earliestReading: day("2024-10-26")) == nil)
        #expect(december.readingsBound(earlierCloses: [month("2025-01"), month("2026-11")],
                                       earliestReading: day("2024-10-25"))?.from == day("2024-10-26"))
        #expect(december.readingsBound(earlierCloses: [month("2026-11")], earliestReading: nil) == nil)
        #expect(AccountClose(period: month("2026-12"), rules: rules, keyRates: [], recomputeAll: true)
            .readingsBound(earlierCloses: [], earliestReading: longAgo) == nil)
    }
}
