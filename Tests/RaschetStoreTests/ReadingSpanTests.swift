import GRDB
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The earliest and latest stored readings (`reading_span`), which tell a close whether to read a long
/// history from a bound and an import's checks whether a stored reading may follow a new one: kept by
/// every write of readings, and filled from the stored ones by the migrations.
@Suite struct ReadingSpanTests {
    static let november = Period(year: 2026, month: 11)!

    static func readings(_ dates: String...) -> DataSet {
        var data = DataSet()
        data.readings = dates.enumerated().map { index, date in
            Reading(meterID: "M-16", date: CivilDate(parsing: date)!, value: ExactDecimal(100 + index))
        }
        return data
    }

    static func store(in folder: TemporaryFolder) throws -> Store {
        let store = try CloseTablesTests.store(in: folder)
        var meter = DataSet()
        meter.meters = [Meter(id: "M-16", accountID: "4102738516", serviceID: "HVS", digits: 5)]
        _ = try store.store(meter)
        return store
    }

    @Test func everyWriteOfReadingsKeepsTheEarliestDate() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        #expect(try store.closeReference(for: Self.november).earliestReading == nil)
        _ = try store.store(Self.readings("2026-06-20", "2026-05-20", "2026-07-20"))
        #expect(try store.closeReference(for: Self.november).earliestReading == CivilDate(parsing: "2026-05-20"))
        // A later reading leaves it; an earlier one, imported or submitted, lowers it.
        _ = try store.store(Self.readings("2026-08-20"))
        #expect(try store.closeReference(for: Self.november).earliestReading == CivilDate(parsing: "2026-05-20"))
        _ = try store.store(Self.readings("2025-12-20"))
        #expect(try store.closeReference(for: Self.november).earliestReading == CivilDate(parsing: "2025-12-20"))
        try store.submitReading(meterID: "M-16", value: ExactDecimal(50), zone: nil, date: CivilDate(parsing: "2025-11-20")!,
                                today: CivilDate(parsing: "2026-11-20")!, rules: .legalDefaults)
        #expect(try store.closeReference(for: Self.november).earliestReading == CivilDate(parsing: "2025-11-20"))
    }

    /// The latest date as stored, "" without one.
    static func latest(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "SELECT latest FROM reading_span") } ?? ""
    }

    @Test func everyWriteOfReadingsKeepsTheLatestDate() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        let path = folder.path("test.sqlite")
        #expect(try Self.latest(path) == "")
        _ = try store.store(Self.readings("2026-06-20", "2026-08-20", "2026-07-20"))
        #expect(try Self.latest(path) == "2026-08-20")
        // An earlier reading leaves it; a later one, imported or submitted, raises it.
        _ = try store.store(Self.readings("2026-05-20"))
        #expect(try Self.latest(path) == "2026-08-20")
        _ = try store.store(Self.readings("2026-09-20"))
        #expect(try Self.latest(path) == "2026-09-20")
        try store.submitReading(meterID: "M-16", value: ExactDecimal(500), zone: nil, date: CivilDate(parsing: "2026-10-20")!,
                                today: CivilDate(parsing: "2026-11-20")!, rules: .legalDefaults)
        #expect(try Self.latest(path) == "2026-10-20")
    }

    @Test func theMigrationTakesTheLatestStoredReading() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        // A database at `v21-volumes-by-period` (`reading_span` without `latest`) holding readings of
        // two quarters, the latest one's out of date order.
        _ = try storeMigrated(after: "v21-volumes-by-period", holding: """
            INSERT INTO readings (quarter, meter_id, date, zone, value, source, rollover) VALUES
                (20261, 'M-16', '2026-03-20', 'single', 100000000, NULL, 0),
                (20262, 'M-16', '2026-06-20', 'single', 102000000, NULL, 0),
                (20262, 'M-16', '2026-05-20', 'single', 101000000, NULL, 0);
            INSERT INTO reading_quarters (quarter) VALUES (20261), (20262);
            """, in: folder)
        #expect(try Self.latest(folder.path("old.sqlite")) == "2026-06-20")
    }

    @Test func theMigrationTakesTheEarliestStoredReading() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        _ = try store.store(Self.readings("2026-06-20", "2026-03-20"))
        // A database of the schema before the migration: no `reading_span`.
        let queue = try DatabaseQueue(path: folder.path("test.sqlite"))
        try queue.write { db in
            try db.execute(sql: "DROP TABLE reading_span; DELETE FROM grdb_migrations WHERE identifier = 'v10-reading-span'")
        }
        try queue.close()
        let reopened = try Store.open(at: folder.path("test.sqlite"))
        #expect(try reopened.closeReference(for: Self.november).earliestReading == CivilDate(parsing: "2026-03-20"))
    }
}
