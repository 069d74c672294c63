import Foundation
import GRDB
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The first import into a database that holds no rows runs under a rollback journal and writes
/// nothing into the write-ahead log; every other import, and every import beside another open
/// connection, goes through the log. Either way the database is under the log afterwards.
@Suite struct FirstLoadTests {
    /// The size of the database's `-wal` file; 0 when there is none.
    static func logSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    /// The file format's journal byte (offset 18 of the header): 2 for the write-ahead log, 1 for a
    /// rollback journal.
    static func journalByte(_ path: String) throws -> UInt8 {
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        return try #require(try handle.read(upToCount: 19)).last!
    }

    /// Runs `body` with a new store (schema made, no rows) in a folder removed afterwards, and its path.
    static func withNewStore(_ body: (Store, String) throws -> Void) throws {
        let folder = try TemporaryFolder("raschet-first-load")
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        try body(try Store.create(at: path).store, path)
    }

    @Test func aFirstImportWritesNothingIntoTheLogAndLeavesTheDatabaseUnderIt() throws {
        try Self.withNewStore { store, path in
            _ = try store.store(StoreTests.sampleData())
            #expect(Self.logSize(path) == 0)
            #expect(try Self.journalByte(path) == 2)
            #expect(try store.contents(of: .payments) == [["OP-1", "4102738516", "2026-10-05", "912488", "∅", "∅"]])

            var changed = StoreTests.sampleData()
            changed.accounts[0].residents = 3
            let second = try store.store(changed)
            #expect(second.tables.first { $0.kind == .accounts }?.updated == 1)
            #expect(Self.logSize(path) > 0, "an import into a database that holds rows goes through the log")
            #expect(try Self.journalByte(path) == 2)
        }
    }

    @Test func aFirstImportBesideAnotherConnectionGoesThroughTheLog() throws {
        try Self.withNewStore { store, path in
            let reader = try DatabaseQueue(path: path)
            #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts") } == 0)

            let started = ContinuousClock.now
            _ = try store.store(StoreTests.sampleData())
            #expect(ContinuousClock.now - started < .seconds(5), "the import does not wait for the other connection")
            #expect(Self.logSize(path) > 0)
            #expect(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts") } == 1)
            #expect(try Self.journalByte(path) == 2)
        }
    }

    @Test func aFirstImportRolledBackLeavesNothingAndTheDatabaseUnderTheLog() throws {
        try Self.withNewStore { store, path in
            let (summary, looked) = try store.importRows { sink, _, stored -> (commit: Bool, result: KnownMeters.Neighbours) in
                try StoreTests.sampleData().rows.withUnsafeBufferPointer { try sink.add(contentsOf: $0) }
                return (false, try stored.withLookup {
                    try $0.neighbours(of: Reading(meterID: "M1", date: CivilDate(year: 2026, month: 10, day: 18)!, value: ExactDecimal(1)))
                })
            }
            #expect(summary == nil)
            #expect(looked == KnownMeters.Neighbours())
            #expect(try store.rowCounts().allSatisfy { $0.rows == 0 })
            #expect(try Self.journalByte(path) == 2)
            #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        }
    }
}
