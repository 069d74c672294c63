import RaschetCore
import RaschetTesting
import Testing

/// What a close reads of a long history (`AccountClose.readingsBound`: from a date, the months
/// between the averages' start and the period before the close's own left out) gives what the whole
/// history gives wherever the cut history says it reaches. Random registers from a random month of
/// the first two years to the end of the third: a reading most months on a random day (after the
/// window's last day it counts for the next month), one month in eight starting a run of one to four
/// unread; each month of the second and third year closed in turn, the store's earliest reading being
/// the register's first or one up to a year older (a younger register), so that the close reads some
/// registers from their first reading on (`ReadingsBound.nothingBefore`, `startsAtFirst`).
@Suite struct RegisterHistoryLeftOutTests {
    @Test(arguments: [1, 5, 42, 2026] as [UInt64])
    func aHistoryReadFromTheBoundReachesOnlyWhatTheWholeHistoryGives(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let rules = Fixture.rules
        let meter = Meter(id: "M1", accountID: "1001", serviceID: "HVS", digits: 6)
        var reached = 0, averages = 0, closes = 0, fromFirst = 0
        for _ in 0..<40 {
            var readings: [Reading] = []
            var value = Int64.random(in: 0...50_000, using: &random)
            var month = Period(ordinal: Period(parsing: "2026-01")!.ordinal + Int.random(in: 0..<18, using: &random))
            while month < Period(parsing: "2029-01")! {
                if Int.random(in: 0..<8, using: &random) == 0 {
                    month = Period(ordinal: month.ordinal + Int.random(in: 1...4, using: &random))
                    continue
                }
                value += Int64.random(in: 0...30_000, using: &random)
                let date = CivilDate(year: month.year, month: month.month, day: Int.random(in: 1...28, using: &random))!
                readings.append(Reading(meterID: meter.id, date: date, value: ExactDecimal(micros: value * 1_000)))
                month = month.next
            }
            guard let first = readings.first?.date else { continue }
            let earliest = Bool.random(using: &random) ? first : first.adding(days: -Int.random(in: 1...365, using: &random))
            for ordinal in Period(parsing: "2027-01")!.ordinal...Period(parsing: "2028-12")!.ordinal {
                let period = Period(ordinal: ordinal)
                let close = AccountClose(period: period, rules: rules, keyRates: [])
                guard let bound = close.readingsBound(earlierCloses: [period.previous], earliestReading: earliest,
                                                      usesInputMarks: true) else { continue }
                closes += 1
                let read = readings.filter { reading in
                    reading.date >= bound.from && !(bound.leftOutDates.map { $0.contains(reading.date) } ?? false)
                }
                let whole = try RegisterHistory(meter: meter, zone: .single, readings: readings, window: rules.readingWindow,
                                                asOf: period)
                let cut = try RegisterHistory(meter: meter, zone: .single, readings: read, window: rules.readingWindow,
                                              asOf: period, isCut: true, leftOut: bound.leftOut, nothingBefore: bound.nothingBefore)
                if cut.startsAtFirst { fromFirst += 1 }
                for refOrdinal in (ordinal - 12)...ordinal {
                    let refPeriod = Period(ordinal: refOrdinal)
                    guard cut.reaches(refPeriod, rules: rules) else { continue }
                    #expect(cut.volume(for: refPeriod, rules: rules) == whole.volume(for: refPeriod, rules: rules),
                            "seed \(seed), close \(period.code), \(refPeriod.code)")
                    if refPeriod == period { reached += 1 }
                }
                if cut.reachesAverage(before: period, rules: rules) {
                    averages += 1
                    let average = { (history: RegisterHistory) in
                        history.closings.lastIndex { $0.period < period }.flatMap { history.average(at: $0, rules: rules) }
                    }
                    #expect(average(cut) == average(whole), "seed \(seed), close \(period.code)")
                }
            }
        }
        // Most closes read no further: the period's own volume and the review's average reached
        // (fewer for the registers younger than the close's bound); some read from the first reading.
        #expect(closes > 500)
        #expect(reached * 10 > closes * 5, "\(reached) of \(closes)")
        #expect(averages * 10 > closes * 4, "\(averages) of \(closes)")
        #expect(fromFirst * 20 > closes, "\(fromFirst) of \(closes)")
    }
}
