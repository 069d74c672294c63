import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// Volumes keyed by their period first (`VolumePeriods`): migration `v21-volumes-by-period` on a
/// database keyed by account first, then the import and the close on the new key.
@Suite struct VolumePeriodsTests {
    /// A database at `v20-payments-by-month` (volumes keyed by account first) holding two accounts'
    /// volumes over three months, inserted out of order (their suppliers' rows do not matter here); then
    /// opened by this raschet.
    static func migratedStore(in folder: TemporaryFolder) throws -> Store {
        try storeMigrated(after: "v20-payments-by-month", holding: """
            INSERT INTO accounts (account_id, kind, name, address, email_confirmed, e_receipt)
            VALUES ('4102738516', 'person', 'Иванова', 'кв. 118', 0, 0), ('4102738517', 'person', 'Петров', 'кв. 119', 0, 0);
            INSERT INTO services (service_id, name, unit, supplier_id, method, vat_mode, absence_recalc) VALUES
                ('HVS', 'Холодное водоснабжение', 'м³', 'VK', 'quantity', 'included', 0),
                ('GVS', 'Горячее водоснабжение', 'м³', 'VK', 'quantity', 'included', 0);
            INSERT INTO volumes (account_id, service_id, period, quantity, installation) VALUES
                ('4102738517', 'HVS', '2026-09', 4000000, NULL),
                ('4102738516', 'HVS', '2026-10', 3500000, 'ОДПУ-2'),
                ('4102738516', 'GVS', '2026-09', 1250000, NULL),
                ('4102738516', 'HVS', '2026-08', 3000000, NULL),
                ('4102738516', 'HVS', '2026-09', 3250000, NULL);
            """, in: folder)
    }

    @Test func theMigrationKeepsEveryVolumeAndKeysItByItsPeriod() throws {
        let folder = try TemporaryFolder("raschet-volume-periods")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        #expect(try store.contents(of: .volumes) == [
            ["4102738516", "GVS", "2026-09", "1250000", "∅"],
            ["4102738516", "HVS", "2026-08", "3000000", "∅"],
            ["4102738516", "HVS", "2026-09", "3250000", "∅"],
            ["4102738516", "HVS", "2026-10", "3500000", "ОДПУ-2"],
            ["4102738517", "HVS", "2026-09", "4000000", "∅"],
        ])
        let stored = try store.read { db in
            try String.fetchAll(db, sql: "SELECT period || ' ' || account_id || ' ' || service_id FROM volumes")
        }
        #expect(stored == ["2026-08 4102738516 HVS", "2026-09 4102738516 GVS", "2026-09 4102738516 HVS",
                           "2026-09 4102738517 HVS", "2026-10 4102738516 HVS"])
        let (key, earliest, check) = try store.read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info('sqlite_autoindex_volumes_1')"),
             try VolumePeriods.earliest(db),
             try String.fetchAll(db, sql: "PRAGMA integrity_check"))
        }
        #expect(key == ["period", "account_id", "service_id"])
        #expect(earliest == Period(year: 2026, month: 8))
        #expect(check == ["ok"])
    }

    /// The import's upsert finds a stored volume by the reordered key: a corrected quantity replaces
    /// it; a first close reads an account's volumes of every period through its own, by service and
    /// period, and none of a later period.
    @Test func theImportAndTheCloseUseTheNewKey() throws {
        let folder = try TemporaryFolder("raschet-volume-periods")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        let october = Period(year: 2026, month: 10)!
        var data = DataSet()
        data.volumes = [
            Volume(accountID: "4102738516", serviceID: "HVS", period: Period(year: 2026, month: 9)!, quantity: ExactDecimal(parsing: "3.3")!),
            Volume(accountID: "4102738516", serviceID: "HVS", period: october.next, quantity: ExactDecimal(4)),
        ]
        _ = try store.store(data)
        let inputs = try store.openCloseInputReader().inputs(for: ["4102738516", "4102738517"], period: october,
                                                            reference: store.closeReference(for: october))
        #expect(inputs.map { $0.billing.volumes.map { "\($0.serviceID) \($0.period.code) \($0.quantity)" } } == [
            ["GVS 2026-09 1.25", "HVS 2026-08 3", "HVS 2026-09 3.3", "HVS 2026-10 3.5"],
            ["HVS 2026-09 4"],
        ])
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM volumes") } == 6)
    }

    /// The connection that migrated the database (a table renamed: SQLite opened its temporary
    /// storage) readies a close's writing: the first close after an upgrade runs.
    @Test func aCloseRunsRightAfterTheMigration() throws {
        let folder = try TemporaryFolder("raschet-volume-periods")
        defer { folder.remove() }
        let store = try Self.migratedStore(in: folder)
        try store.prepareCloseWriting(pageCacheKibibytes: 4096)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 2)
    }
}
