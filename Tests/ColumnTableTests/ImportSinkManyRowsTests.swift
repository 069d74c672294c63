import Foundation
import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// The import's sink upserts `ImportSink.rowsPerStatement` rows of a table by one statement and
/// the rest one by one: what it stores and counts, and the row an error names, are those of
/// single-row upserts.
@Suite struct ImportSinkManyRowsTests {
    static let first = CivilDate(year: 2026, month: 1, day: 1)!

    /// `count` readings of one meter, one a day from 2026-01-01, valued by their position.
    static func data(readings count: Int) -> DataSet {
        var data = DataSet()
        data.suppliers = [Supplier(id: "VOD", name: "Водоканал", inn: "3525142318")]
        data.services = [Service(id: "HVS", name: "ХВС", unit: "м³", supplierID: "VOD", method: .meter)]
        data.accounts = [Account(id: "1", kind: .person, name: "Иванов", address: "Вологда")]
        data.meters = [Meter(id: "M1", accountID: "1", serviceID: "HVS", zones: 1)]
        data.readings = (0..<count).map { Reading(meterID: "M1", date: first.adding(days: $0), value: ExactDecimal($0)) }
        return data
    }

    /// A new database in `folder`.
    static func store(in folder: TemporaryFolder) throws -> Store {
        try Store.create(at: folder.path("test.sqlite")).store
    }

    static func readings(_ store: Store) throws -> [[String]] {
        try store.contents(of: .readings)
    }

    @Test func twoFullStatementsAndTheRestAreStoredAndCountedRowByRow() throws {
        #expect(ImportSink.rowsPerStatement == 64)
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        let first = try store.store(Self.data(readings: 130))
        #expect(first.tables.first { $0.kind == .readings }.map { [$0.rows, $0.inserted, $0.updated] } == [130, 130, 0])
        let stored = try Self.readings(store)
        #expect(stored.count == 130)
        #expect(stored[0] == ["M1", "2026-01-01", "single", "0", "∅", "0"])
        #expect(stored[129] == ["M1", "2026-05-10", "single", "129000000", "∅", "0"])

        // One change in each of the two 64-row statements, one among the two rows upserted
        // alone, and a new row after them.
        var changed = Self.data(readings: 131)
        for index in [5, 100, 129] { changed.readings[index].value = ExactDecimal(1_000 + index) }
        let again = try store.store(changed)
        #expect(again.tables.first { $0.kind == .readings }.map { [$0.rows, $0.inserted, $0.updated, $0.unchanged] }
            == [131, 1, 3, 127])
        let after = try Self.readings(store)
        #expect(after.count == 131)
        #expect([after[5][3], after[100][3], after[129][3], after[130][3]] == ["1005000000", "1100000000", "1129000000", "130000000"])
        #expect(after[6] == stored[6])
    }

    /// A row SQLite refuses inside a 64-row statement: the statement's rows are stored again one by
    /// one, so the error names that row; the import then stores nothing.
    @Test func aRefusedRowInAManyRowStatementIsTheOneTheErrorNames() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        var data = Self.data(readings: 0)
        _ = try store.store(data)
        try store.queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON readings WHEN NEW.date = '2026-02-10'
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
        }
        data = Self.data(readings: 70)
        #expect(throws: StoreError.self) { try store.store(data) }
        do {
            _ = try store.store(data)
        } catch let error as StoreError {
            #expect(error.userMessage == "cannot store a readings row (M1 / 2026-02-10 / single): SQLite: refused")
        }
        #expect(try Self.readings(store).isEmpty)
    }
}
