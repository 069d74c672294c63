import Foundation
import RaschetCore
import RaschetIngest
import Testing

/// The importer's hand-over from the reading thread to the writing thread.
@Suite struct ImporterTests {
    struct Failure: Error, Equatable {}

    /// Fails on the n-th row, as a database error would.
    struct FailingSink: DataSink {
        var remaining: Int
        var received = 0
        mutating func add(_ row: DataRow) throws {
            guard remaining > 0 else { throw Failure() }
            remaining -= 1
            received += 1
        }
    }

    /// Keeps the rows and has one stored reading: M1 read 100 on 2026-09-16; records how many rows
    /// it had when the stored readings were asked for (`fail` makes that fail, as a database error would).
    struct StoredReadingsSink: DataSink {
        var fail = false
        var rows: [DataRow] = []
        var loads: [Int] = []
        mutating func add(_ row: DataRow) { rows.append(row) }
        mutating func loadStoredReadings(into meters: inout KnownMeters) throws {
            loads.append(rows.count)
            if fail { throw Failure() }
            meters.addStored(Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(100)))
        }
    }

    static func file(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Account A1 with cold water, a meters file adding M1 and M2, and two readings files.
    static func metersAndReadings() throws -> (known: KnownKeys, sources: [Importer.Source], readings: [String]) {
        var known = KnownKeys()
        known.accounts = ["A1"]
        known.services = ["HVS"]
        let meters = try file("meters.csv", """
            meter_id;account_id;service_id;zones;digits;installed;removed;verification_due
            M1;A1;HVS;1;5;2022-04-08;;2028-04-07
            M2;A1;HVS;1;5;2022-04-08;;2028-04-07

            """)
        let first = try file("readings-1.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-10-18;90;single;cabinet;0
            M2;2026-10-18;5;single;cabinet;0

            """)
        let second = try file("readings-2.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-11-18;120;single;cabinet;0

            """)
        // Readings first: the importer reads the files in dependency order whatever their order.
        return (known, [.init(path: first, kind: nil), .init(path: second, kind: nil), .init(path: meters, kind: nil)], [first, second])
    }

    static func accountsFile(rows: Int) throws -> String {
        var text = "account_id;kind;name;address\n"
        for i in 0..<rows { text += "\(100_000 + i);person;Житель \(i);г. Вологда, д. \(i)\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("accounts-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func everyRowReachesTheSinkInInputOrder() throws {
        let path = try Self.accountsFile(rows: 20_000)
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(report.problems.isEmpty)
        #expect(data.accounts.count == 20_000)
        #expect(data.accounts.map(\.id) == (0..<20_000).map { String(100_000 + $0) })
    }

    @Test func aFailingSinkStopsTheReaderAndItsErrorComesBack() throws {
        let path = try Self.accountsFile(rows: 100_000)
        var sink = FailingSink(remaining: 5_000)
        #expect(throws: Failure()) {
            try Importer().read([.init(path: path, kind: .accounts)], known: KnownKeys(), into: &sink)
        }
        #expect(sink.received == 5_000)
    }

    @Test func theStoredReadingsAreLoadedOnceAtTheFirstReadingAfterTheRowsBeforeIt() throws {
        let (known, sources, readings) = try Self.metersAndReadings()
        var sink = StoredReadingsSink()
        let report = try Importer().read(sources, known: known, into: &sink)
        #expect(sink.loads == [2])
        #expect(report.problems.map(\.description) == [
            readings[0] + ":2: value: meter M1, zone single: 90 on 2026-10-18 is lower than the previous reading 100 on "
                + "2026-09-16 (stored); correct the value, or set rollover to 1 if the register wrapped past zero",
        ])
        #expect(sink.rows.map(\.keyDescription) == ["M1", "M2", "M2 / 2026-10-18 / single", "M1 / 2026-11-18 / single"])
    }

    @Test func anImportWithoutReadingsNeverLoadsTheStoredOnes() throws {
        let path = try Self.accountsFile(rows: 10)
        var sink = StoredReadingsSink()
        let report = try Importer().read([.init(path: path, kind: .accounts)], known: KnownKeys(), into: &sink)
        #expect(report.problems.isEmpty)
        #expect(sink.loads.isEmpty && sink.rows.count == 10)
    }

    @Test func aFailingLoadOfTheStoredReadingsStopsTheReaderAndItsErrorComesBack() throws {
        let (known, sources, _) = try Self.metersAndReadings()
        var sink = StoredReadingsSink(fail: true)
        #expect(throws: Failure()) {
            try Importer().read(sources, known: known, into: &sink)
        }
        #expect(sink.loads == [2] && sink.rows.count == 2)
    }

    @Test func aMissingFileIsReportedFromTheReadingThread() throws {
        var sink = DataSet()
        #expect(throws: IngestError.self) {
            try Importer().read([.init(path: "/nonexistent/accounts.csv", kind: .accounts)], known: KnownKeys(), into: &sink)
        }
    }
}
