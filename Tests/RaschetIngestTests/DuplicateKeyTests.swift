import Foundation
import RaschetCore
import RaschetIngest
import RaschetTesting
import Testing

/// A second row with the natural key of an earlier row of the same import is a row error naming
/// the first row's line; a stored row with that key is replaced, not a duplicate.
@Suite struct DuplicateKeyTests {
    static func known() -> KnownKeys {
        var known = KnownKeys()
        known.meters.addMeter("M1", zones: 1)
        known.meters.addMeter("M2", zones: 2)
        return known
    }

    /// M1 read 100 on 2026-09-16.
    static let stored = FixedSnapshot(readings: [Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(100))])

    @Test func aSecondReadingOfTheSameRegisterAndDateNamesTheFirstLine() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try folder.write("readings.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-10-18;110;single;cabinet;0
            M2;2026-10-18;5;day;cabinet;0
            M2;2026-10-18;6;night;cabinet;0
            M1;2026-10-18;110;single;cabinet;0
            M2;2026-10-18;6;night;operator;0
            M1;2026-09-16;100;single;cabinet;0

            """)
        let rejected = CollectedRejectedRows()
        let (data, report) = try Importer().read([.init(path: path, kind: .readings)], known: Self.known(), stored: Self.stored,
                                                 rejectedRows: rejected)
        #expect(report.problems.map(\.description) == [
            path + ":5: meter_id+date+zone: duplicate key M1 / 2026-10-18 / single (first on line 2); keep one of the rows",
            path + ":6: meter_id+date+zone: duplicate key M2 / 2026-10-18 / night (first on line 4); keep one of the rows",
        ])
        #expect(rejected.rows.map { "\($0.file):\($0.row.record.line)" } == [path + ":5", path + ":6"])
        #expect(report.rejectedRows == [path: 2])
        #expect(data.readings.map { "\($0.meterID) \($0.date) \($0.zone) \($0.value)" } == [
            "M1 2026-10-18 single 110", "M2 2026-10-18 day 5", "M2 2026-10-18 night 6", "M1 2026-09-16 single 100",
        ])
    }

    @Test func aDuplicateAcrossTwoReadingsFilesNamesTheFirstLineAndItsFile() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let first = try folder.write("readings-1.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-10-18;110;single;cabinet;0

            """)
        let second = try folder.write("readings-2.csv", """
            meter_id;date;value;zone;source;rollover
            M1;2026-11-18;120;single;cabinet;0
            M1;2026-10-18;110;single;cabinet;0

            """)
        let (data, report) = try Importer().read([.init(path: first, kind: .readings), .init(path: second, kind: .readings)],
                                                 known: Self.known(), stored: Self.stored)
        #expect(report.problems.map(\.description) == [
            second + ":3: meter_id+date+zone: duplicate key M1 / 2026-10-18 / single (first on line 2 of " + first + "); keep one of the rows",
        ])
        #expect(data.readings.count == 2)
    }

    @Test func aSecondAccountWithTheSameIDNamesTheFirstLine() throws {
        let folder = try TemporaryFolder("raschet-ingest")
        defer { folder.remove() }
        let path = try folder.write("accounts.csv", """
            account_id;kind;name;address
            1001;person;Иванов;ул. Ленина, 1
            1002;person;Петров;ул. Мира, 2
            1001;person;Сидоров;ул. Мира, 3

            """)
        let (data, report) = try Importer().read([.init(path: path, kind: .accounts)])
        #expect(report.problems.map(\.description) == [
            path + ":4: account_id: duplicate key 1001 (first on line 2); keep one of the rows",
        ])
        #expect(data.accounts.map(\.name) == ["Иванов", "Петров"])
    }
}
