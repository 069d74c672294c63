@testable import RaschetCore
import RaschetTesting
import Synchronization
import Testing

/// The meters an import knows and the readings it checks a new reading against: per register
/// (meter + zone), by date, its own joined with the stored ones (`Neighbours.completed(by:)`).
@Suite struct KnownMetersTests {
    typealias Neighbour = KnownMeters.Neighbour

    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    static func reading(_ meter: String, _ date: String, _ value: String, zone: Zone = .single, rollover: Bool = false) -> Reading {
        Reading(meterID: meter, date: Self.date(date), value: ExactDecimal(parsing: value)!, zone: zone, rollover: rollover)
    }

    static func stored(_ date: String, _ value: String, rollover: Bool = false) -> Neighbour {
        Neighbour(date: Self.date(date), value: ExactDecimal(parsing: value)!, rollover: rollover, origin: nil)
    }

    static func imported(_ date: String, _ value: String, _ file: Int32, _ line: Int32, rollover: Bool = false) -> Neighbour {
        Neighbour(date: Self.date(date), value: ExactDecimal(parsing: value)!, rollover: rollover, origin: .init(file: file, line: line))
    }

    /// The files of `known()` (and of a `KnownMeters` given readings of `r.csv` only), by the order
    /// of their first readings.
    static let aCSV: Int32 = 0, bCSV: Int32 = 1, rCSV: Int32 = 0

    /// Imported readings of one meter in two zones, added out of date order.
    static func known() throws -> KnownMeters {
        var known = KnownMeters()
        try known.add(reading("M1", "2026-10-18", "123456.789012"), file: "a.csv", line: 2)
        try known.add(reading("M1", "2026-08-10", "3880", rollover: true), file: "a.csv", line: 3)
        try known.add(reading("M1", "2026-09-16", "7", zone: .day), file: "b.csv", line: 9)
        return known
    }

    /// The stored readings: M1 (single zone) and M2.
    static let storedReadings = [reading("M1", "2026-09-16", "3885.681"), reading("M2", "2026-09-30", "1")]

    /// The neighbours of `reading` among the imported readings of `known` and the stored ones.
    static func around(_ reading: Reading, in known: KnownMeters) throws -> KnownMeters.Neighbours {
        var known = known
        return try known.neighbours(of: reading)
            .completed(by: .init(of: reading, amongStored: storedReadings.filter { $0.meterID == reading.meterID }))
    }

    @Test func anImportedNeighbourNamesItsFileAndLine() throws {
        var known = try Self.known()
        let next = try known.neighbours(of: Self.reading("M1", "2026-09-01", "1", zone: .day)).next
        #expect(next?.origin == .init(file: Self.bCSV, line: 9))
        #expect(next?.origin.map(known.file(of:)) == "b.csv")
        #expect(known.file(of: .init(file: Self.aCSV, line: 2)) == "a.csv")
    }

    @Test func anUnknownRegisterHasNoNeighbours() throws {
        let known = try Self.known()
        #expect(try Self.around(Self.reading("M3", "2026-09-20", "1"), in: known) == .init())
        #expect(try Self.around(Self.reading("M1", "2026-09-20", "1", zone: .night), in: known) == .init())
        var empty = KnownMeters()
        #expect(try empty.neighbours(of: Self.reading("M1", "2026-09-20", "1")) == .init())
    }

    @Test func theNeighboursAreTheClosestDatesOfTheSameZoneOnEitherSide() throws {
        let known = try Self.known()
        #expect(try Self.around(Self.reading("M1", "2026-09-20", "1"), in: known) == .init(
            previous: Self.stored("2026-09-16", "3885.681"), sameDay: nil, next: Self.imported("2026-10-18", "123456.789012", Self.aCSV, 2)))
        #expect(try Self.around(Self.reading("M1", "2026-08-01", "1"), in: known) == .init(
            previous: nil, sameDay: nil, next: Self.imported("2026-08-10", "3880", Self.aCSV, 3, rollover: true)))
        #expect(try Self.around(Self.reading("M1", "2026-11-01", "1"), in: known) == .init(
            previous: Self.imported("2026-10-18", "123456.789012", Self.aCSV, 2), sameDay: nil, next: nil))
        #expect(try Self.around(Self.reading("M1", "2026-12-01", "1", zone: .day), in: known) == .init(
            previous: Self.imported("2026-09-16", "7", Self.bCSV, 9), sameDay: nil, next: nil))
        #expect(try Self.around(Self.reading("M2", "2026-09-01", "1"), in: known) == .init(
            previous: nil, sameDay: nil, next: Self.stored("2026-09-30", "1")))
    }

    @Test func aReadingOfTheSameDateIsNotANeighbourButTheOneItReplaces() throws {
        let known = try Self.known()
        #expect(try Self.around(Self.reading("M1", "2026-09-16", "1"), in: known) == .init(
            previous: Self.imported("2026-08-10", "3880", Self.aCSV, 3, rollover: true), sameDay: Self.stored("2026-09-16", "3885.681"),
            next: Self.imported("2026-10-18", "123456.789012", Self.aCSV, 2)))
        #expect(try Self.around(Self.reading("M1", "2026-10-18", "1"), in: known) == .init(
            previous: Self.stored("2026-09-16", "3885.681"), sameDay: Self.imported("2026-10-18", "123456.789012", Self.aCSV, 2),
            next: nil))
    }

    @Test func anImportedReadingReplacesTheOneOfTheSameDateAndZoneOnly() throws {
        var known = try Self.known()
        try known.add(Self.reading("M1", "2026-09-16", "3886", rollover: true), file: "b.csv", line: 4)
        #expect(try Self.around(Self.reading("M1", "2026-09-16", "1"), in: known) == .init(
            previous: Self.imported("2026-08-10", "3880", Self.aCSV, 3, rollover: true),
            sameDay: Self.imported("2026-09-16", "3886", Self.bCSV, 4, rollover: true),
            next: Self.imported("2026-10-18", "123456.789012", Self.aCSV, 2)))
        #expect(try Self.around(Self.reading("M1", "2026-09-16", "1", zone: .day), in: known) == .init(
            previous: nil, sameDay: Self.imported("2026-09-16", "7", Self.bCSV, 9), next: nil))
    }

    @Test func aMeterIsKnownWithItsZonesAndKeepsItsReadingsWhenTheyChange() throws {
        var known = try Self.known()
        #expect(known.zones(of: "M1") == nil)
        known.addMeter("M1", zones: 2)
        known.addMeter("M3", zones: 3)
        #expect(known.zones(of: "M1") == 2 && known.zones(of: "M3") == 3 && known.zones(of: "M2") == nil)
        known.addMeter("M1", zones: 1)
        #expect(known.zones(of: "M1") == 1)
        #expect(try Self.around(Self.reading("M1", "2026-09-20", "1"), in: known) == .init(
            previous: Self.stored("2026-09-16", "3885.681"), sameDay: nil, next: Self.imported("2026-10-18", "123456.789012", Self.aCSV, 2)))
        #expect(try Self.around(Self.reading("M3", "2026-09-20", "1", zone: .peak), in: known) == .init())
    }

    @Test func readingsWaitingInASpillGiveTheSameNeighbours() throws {
        let spill = PagedArrayTests.MemorySpill()
        var paged = KnownMeters(), whole = KnownMeters()
        paged.spillReadings(to: spill, residentBytes: 1)
        var random = SplitMix64(seed: 7)
        let start = Self.date("2025-01-01").dayNumber
        for line in 2..<20_002 {
            let meter = "M\(Int.random(in: 0..<2_000, using: &random))"
            let reading = Reading(meterID: meter, date: CivilDate(dayNumber: start + Int.random(in: 0..<730, using: &random)),
                                  value: ExactDecimal(Int.random(in: 0..<100_000, using: &random)),
                                  zone: Bool.random(using: &random) ? .day : .night, rollover: Int.random(in: 0..<10, using: &random) == 0)
            #expect(try paged.neighbours(of: reading) == whole.neighbours(of: reading), "line \(line)")
            try paged.add(reading, file: line % 3 == 0 ? "b.csv" : "a.csv", line: line)
            try whole.add(reading, file: line % 3 == 0 ? "b.csv" : "a.csv", line: line)
        }
        // 20,000 entries of 24 bytes in pages of 256, three of them in memory.
        #expect(spill.state.withLock { $0.writes > 100 && $0.reads > 100 })
    }

    @Test func readingsAddedInAnyOrderKeepTheirDateOrder() throws {
        var known = KnownMeters()
        for (day, line) in [(15, 2), (3, 3), (28, 4), (9, 5), (21, 6), (1, 7)] {
            try known.add(Self.reading("M1", "2026-10-\(day < 10 ? "0" : "")\(day)", "\(day)"), file: "r.csv", line: line)
        }
        #expect(try Self.around(Self.reading("M1", "2026-10-10", "1"), in: known) == .init(
            previous: Self.imported("2026-10-09", "9", Self.rCSV, 5), sameDay: nil, next: Self.imported("2026-10-15", "15", Self.rCSV, 2)))
        #expect(try Self.around(Self.reading("M1", "2026-10-21", "1"), in: known) == .init(
            previous: Self.imported("2026-10-15", "15", Self.rCSV, 2), sameDay: Self.imported("2026-10-21", "21", Self.rCSV, 6),
            next: Self.imported("2026-10-28", "28", Self.rCSV, 4)))
        #expect(try Self.around(Self.reading("M1", "2026-10-02", "1"), in: known) == .init(
            previous: Self.imported("2026-10-01", "1", Self.rCSV, 7), sameDay: nil, next: Self.imported("2026-10-03", "3", Self.rCSV, 3)))
    }
}
