import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// Readings keyed by their quarter first (`ReadingQuarters`): migration `v19-readings-by-quarter` on a
/// database keyed by meter first, and the quarters every write of readings notes.
@Suite struct ReadingQuartersTests {
    /// A database at `v18-close-premises` (readings keyed by meter first) holding two meters' readings
    /// over three months, inserted out of order; then opened by this raschet.
    static func migratedStore(in folder: TemporaryFolder) throws -> Store {
        // The readings' meters only: their accounts' and services' rows do not matter here.
        try storeMigrated(after: "v18-close-premises", holding: """
            INSERT INTO accounts (account_id, kind, name, address, email_confirmed, e_receipt)
            VALUES ('4102738516', 'person', 'Иванова', 'кв. 118', 0, 0);
            INSERT INTO meters (meter_id, account_id, service_id, zones) VALUES ('M-16', '4102738516', 'HVS', 1),
                ('M-17', '4102738516', 'EE', 2);
            INSERT INTO readings (meter_id, date, zone, value, source, rollover) VALUES
                ('M-17', '2026-10-20', 'night', 500000000, NULL, 0),
                ('M-16', '2026-10-20', 'single', 130000000, 'cabinet', 0),
                ('M-16', '2026-08-20', 'single', 110000000, NULL, 0),
                ('M-17', '2026-10-20', 'day', 900000000, 'operator', 0),
                ('M-16', '2026-09-20', 'single', 120000000, NULL, 1);
            """, in: folder)
    }

    @Test func theMigrationKeepsEveryReadingAndKeysItByItsQuarter() throws {
        let folder = try TemporaryFolder("raschet-reading-quarters")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        #expect(try store.contents(of: .readings) == [
            ["M-16", "2026-08-20", "single", "110000000", "∅", "0"],
            ["M-16", "2026-09-20", "single", "120000000", "∅", "1"],
            ["M-16", "2026-10-20", "single", "130000000", "cabinet", "0"],
            ["M-17", "2026-10-20", "day", "900000000", "operator", "0"],
            ["M-17", "2026-10-20", "night", "500000000", "∅", "0"],
        ])
        let (quarters, key, rows, rollovers) = try store.read { db in
            (try Int.fetchAll(db, sql: "SELECT quarter FROM reading_quarters ORDER BY quarter"),
             try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('sqlite_autoindex_readings_1')"),
             try Row.fetchAll(db, sql: "SELECT quarter, meter_id, date FROM readings").map { "\($0[0] as Int) \($0[1] as String) \($0[2] as String)" },
             // The rollovers' index is made again on the new table.
             try String.fetchAll(db, sql: """
                SELECT y.meter_id FROM readings y INDEXED BY readings_rollovers WHERE y.rollover <> 0 AND y.date >= '2026-01-01'
                """))
        }
        #expect(quarters == [20263, 20264])
        #expect(key == ["quarter", "meter_id", "date", "zone"])
        #expect(rows == ["20263 M-16 2026-08-20", "20263 M-16 2026-09-20", "20264 M-16 2026-10-20",
                         "20264 M-17 2026-10-20", "20264 M-17 2026-10-20"])
        #expect(rollovers == ["M-16"])
    }

    @Test func everyWriteOfReadingsNotesItsQuarters() throws {
        let folder = try TemporaryFolder("raschet-reading-quarters")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        var data = DataSet()
        data.readings = [
            Reading(meterID: "M-16", date: CivilDate(parsing: "2026-12-20")!, value: ExactDecimal(150)),
            Reading(meterID: "M-16", date: CivilDate(parsing: "2026-11-20")!, value: ExactDecimal(140)),
            Reading(meterID: "M-16", date: CivilDate(parsing: "2026-12-21")!, value: ExactDecimal(151)),
            Reading(meterID: "M-16", date: CivilDate(parsing: "2027-01-20")!, value: ExactDecimal(160)),
        ]
        _ = try store.store(data)
        try store.submitReading(meterID: "M-16", value: ExactDecimal(100), zone: nil, date: CivilDate(parsing: "2026-07-20")!,
                                today: CivilDate(parsing: "2027-01-25")!, rules: .legalDefaults)
        let (quarters, stored) = try store.read { db in
            (try Int.fetchAll(db, sql: "SELECT quarter FROM reading_quarters ORDER BY quarter"),
             try Int.fetchAll(db, sql: "SELECT quarter FROM readings WHERE meter_id = 'M-16' ORDER BY date"))
        }
        #expect(quarters == [20263, 20264, 20271])
        #expect(stored == [20263, 20263, 20263, 20264, 20264, 20264, 20264, 20271])
        // A register's history is read across the quarters: a submission of April sees January's 160.
        let refusal = #expect(throws: StoreError.self) {
            try store.submitReading(meterID: "M-16", value: ExactDecimal(155), zone: nil, date: CivilDate(parsing: "2027-04-20")!,
                                    today: CivilDate(parsing: "2027-04-25")!, rules: .legalDefaults)
        }
        #expect(refusal?.billingCode == .readingLowerThanPrevious)
    }
}
