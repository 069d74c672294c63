import Foundation
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

@Suite struct StoreTests {
    static func sampleData() -> DataSet {
        var data = DataSet()
        data.suppliers = [Supplier(id: "VOD", name: "АО «Водоканал»", inn: "3525142318")]
        data.services = [Service(id: "HVS", name: "Холодное водоснабжение", unit: "м³", supplierID: "VOD", method: .meter)]
        data.tariffs = [Tariff(serviceID: "HVS", validFrom: CivilDate(year: 2026, month: 7, day: 1)!,
                               price: ExactDecimal(parsing: "52.34")!)]
        data.accounts = [Account(id: "4102738516", kind: .person, name: "Ковалёва Татьяна Юрьевна",
                                 address: "г. Вологда, ул. Пролетарская, д. 47, кв. 118", area: ExactDecimal(parsing: "54.3"),
                                 residents: 2)]
        data.payments = [Payment(id: "OP-1", accountID: "4102738516", date: CivilDate(year: 2026, month: 10, day: 5)!,
                                 amount: Money(kopecks: 912_488))]
        return data
    }

    @Test func storesRowsOnceAndReimportChangesNothing() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, created) = try Store.create(at: folder.path("test.sqlite"))
        #expect(created)
        let first = try store.store(Self.sampleData())
        #expect(first.tables.map(\.kind) == [.suppliers, .services, .tariffs, .accounts, .payments])
        #expect(first.tables.allSatisfy { $0.inserted == $0.rows && $0.updated == 0 })

        let again = try store.store(Self.sampleData())
        #expect(again.tables.allSatisfy { $0.inserted == 0 && $0.updated == 0 && $0.unchanged == $0.rows })
    }

    @Test func aChangedValueUpdatesOnlyThatRow() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        _ = try store.store(Self.sampleData())
        var changed = Self.sampleData()
        changed.accounts[0].residents = 3
        let summary = try store.store(changed)
        let accounts = try #require(summary.tables.first { $0.kind == .accounts })
        #expect(accounts.updated == 1 && accounts.inserted == 0)
        #expect(summary.tables.filter { $0.kind != .accounts }.allSatisfy { $0.updated == 0 && $0.inserted == 0 })
    }

    @Test func storesMoneyAsKopecksAndQuantitiesAsMillionths() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        _ = try store.store(Self.sampleData())
        #expect(try store.contents(of: .payments) == [["OP-1", "4102738516", "2026-10-05", "912488", "∅", "∅"]])
        #expect(try store.contents(of: .tariffs) == [["HVS", "2026-07-01", "∅", "52340000", "single", "household", "∅", "1000000"]])
    }

    /// The import binds a row's texts from one reused buffer (`BindingArena`, 64 KiB); a text
    /// too long for it is bound as a copy, and the rows around it keep their own values.
    @Test func textsLongerThanTheBindingBufferAndTheRowsAfterThemAreStoredExactly() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        var data = Self.sampleData()
        let long = String(repeating: "касса ", count: 7_000)  // 84,000 bytes of UTF-8
        data.payments = [
            Payment(id: "OP-1", accountID: "4102738516", date: CivilDate(year: 2026, month: 10, day: 5)!,
                    amount: Money(kopecks: 912_488), source: long),
            Payment(id: "OP-2", accountID: "4102738516", date: CivilDate(year: 2026, month: 11, day: 30)!,
                    amount: Money(kopecks: -150), source: "банк", period: Period(parsing: "2026-11")),
        ]
        _ = try store.store(data)
        #expect(try store.contents(of: .payments) == [
            ["OP-1", "4102738516", "2026-10-05", "912488", long, "∅"],
            ["OP-2", "4102738516", "2026-11-30", "-150", "банк", "2026-11"],
        ])
        #expect(try store.contents(of: .accounts).first?.prefix(4) == ["4102738516", "person", "Ковалёва Татьяна Юрьевна",
                                                                       "г. Вологда, ул. Пролетарская, д. 47, кв. 118"])
    }

    @Test func openingAMissingDatabaseTellsHowToCreateIt() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        #expect(throws: StoreError.self) { try Store.open(at: path) }
        do {
            _ = try Store.open(at: path)
        } catch {
            #expect(error.code == .missing)
            #expect(error.userMessage == "\(path): no such database; create it with `raschet init --db \(path)`")
        }
    }

    @Test func knownKeysListWhatRowsMayReference() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        var data = Self.sampleData()
        data.meters = [Meter(id: "M1", accountID: "4102738516", serviceID: "HVS", zones: 2)]
        _ = try store.store(data)
        let keys = try store.read { db in try Store.knownKeys(db) }
        #expect(keys.suppliers == ["VOD"] && keys.services == ["HVS"] && keys.accounts == ["4102738516"])
        #expect(keys.meters.zones(of: "M1") == 2 && keys.meters.zones(of: "M2") == nil)
    }

    /// The stored rows an import is checked against are read on a connection of their own, as they
    /// were before the import: a reading the import stores meanwhile is not among them.
    @Test func theImportsStoredRowsAreThoseBeforeTheImport() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        var data = Self.sampleData()
        data.meters = [Meter(id: "M1", accountID: "4102738516", serviceID: "HVS", zones: 2)]
        data.readings = [
            Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(100), zone: .day),
            Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(40), zone: .night),
        ]
        _ = try store.store(data)
        try store.saveClose([CloseTablesTests.closed()], period: CloseTablesTests.october)
        let october = Reading(meterID: "M1", date: CivilDate(year: 2026, month: 10, day: 18)!, value: ExactDecimal(110), zone: .day)
        let (summary, seen) = try store.importRows { sink, _, stored -> (commit: Bool, result: [String]) in
            try sink.add(.reading(october))
            return (true, try stored.withLookup { lookup in
                func text(_ n: KnownMeters.Neighbours) -> String {
                    [n.previous, n.sameDay, n.next].map { $0.map { "\($0.date) \($0.value)" } ?? "-" }.joined(separator: " | ")
                }
                let septemberNight = Reading(meterID: "M1", date: CivilDate(year: 2026, month: 9, day: 16)!, value: ExactDecimal(41), zone: .night)
                let augustDay = Reading(meterID: "M1", date: CivilDate(year: 2026, month: 8, day: 20)!, value: ExactDecimal(90), zone: .day)
                return [try text(lookup.neighbours(of: october)), try text(lookup.neighbours(of: septemberNight)),
                        try text(lookup.neighbours(of: augustDay)),
                        try text(lookup.neighbours(of: Reading(meterID: "M2", date: october.date, value: ExactDecimal(1))))]
                    + [try lookup.postedPayment("OP-1").map { "\($0.payment.amount) \($0.period.code)" } ?? "-",
                       try lookup.postedPayment("OP-2").map { "\($0.period.code)" } ?? "-"]
            })
        }
        // October's day reading, stored by the import meanwhile, is not among its own neighbours.
        #expect(seen == ["2026-09-16 100 | - | -", "- | 2026-09-16 40 | -", "- | - | 2026-09-16 100", "- | - | -",
                         "9124.88 2026-10", "-"])
        #expect(summary?.tables.map { [$0.rows, $0.inserted, $0.updated] } == [[1, 1, 0]])
        #expect(try store.contents(of: .readings).count == 3)
    }

    /// A register's stored neighbours as the import's snapshot looks them up (two seeks from the date)
    /// are those the meter's whole history gives (`KnownMeters.Neighbours(of:amongStored:)`): meters
    /// of one, two and three zones with readings on random days over two years, some days shared by
    /// the zones, probed on every day of the range and a week either side.
    @Test func theSnapshotFindsARegistersNeighboursAsTheWholeHistoryGivesThem() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let (store, _) = try Store.create(at: folder.path("test.sqlite"))
        var data = Self.sampleData()
        data.meters = (1...3).map { Meter(id: "M\($0)", accountID: "4102738516", serviceID: "HVS", zones: $0) }
        var random = SplitMix64(seed: 13)
        let first = CivilDate(year: 2024, month: 11, day: 1)!.dayNumber
        for meter in data.meters {
            for zone in Meter.zoneSet(forCount: meter.zones) {
                var value = 0
                for day in first..<(first + 730) where random.next() % 9 == 0 {
                    value += Int(random.next() % 50)
                    data.readings.append(Reading(meterID: meter.id, date: CivilDate(dayNumber: day), value: ExactDecimal(value), zone: zone))
                }
            }
        }
        _ = try store.store(data)
        let (_, mismatches) = try store.importRows { _, _, stored -> (commit: Bool, result: [String]) in
            (false, try stored.withLookup { lookup in
                var found: [String] = []
                for meter in data.meters {
                    let history = data.readings.filter { $0.meterID == meter.id }
                    for zone in Meter.zoneSet(forCount: meter.zones) {
                        for day in (first - 7)..<(first + 737) {
                            let probe = Reading(meterID: meter.id, date: CivilDate(dayNumber: day), value: ExactDecimal(1), zone: zone)
                            if try lookup.neighbours(of: probe) != KnownMeters.Neighbours(of: probe, amongStored: history) {
                                found.append("\(meter.id) \(zone.rawValue) \(probe.date)")
                            }
                        }
                    }
                }
                return found
            })
        }
        #expect(data.readings.count > 400)
        #expect(mismatches == [])
    }
}
