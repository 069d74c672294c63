import Foundation
import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// The store's codecs against the column table: a row with every field filled (and no two
/// fields of a row alike) is stored by the import's upsert and read back equal, whether the query
/// selects the codec's columns or `SELECT *` (the entity's columns after a leading key, the readings'
/// quarter), through GRDB or stepped through the SQLite C API (`StatementRows`). A field bound to the
/// wrong column, or decoded from the wrong position, fails here.
@Suite struct TableCodecRoundTripTests {
    static func day(_ d: Int) -> CivilDate { CivilDate(year: 2026, month: 1 + d % 12, day: 1 + d)! }
    static func decimal(_ text: String) -> ExactDecimal { ExactDecimal(parsing: text)! }

    static let data: DataSet = {
        var data = DataSet()
        data.suppliers = [Supplier(id: "SUP", name: "АО «Сбыт»", inn: "3525142318", kpp: "352501001", bankName: "Банк",
                                   bic: "041909644", correspondentAccount: "30101810900000000644",
                                   account: "40702810012000012345", address: "г. Вологда", phone: "+7 8172 00-00-00")]
        data.services = [Service(id: "SRV", name: "Отопление", unit: "Гкал", supplierID: "SUP", method: .quantity,
                                 vatMode: .onTop, absenceRecalc: true, group: "heat")]
        data.tariffs = [Tariff(serviceID: "SRV", validFrom: day(1), validTo: day(2), price: decimal("2543.21"), zone: .night,
                               category: .business, norm: decimal("0.0213"), coefficient: decimal("1.5"))]
        data.accounts = [Account(id: "ACC", kind: .business, name: "ООО «Ромашка»", address: "ул. Мира, 1", inn: "3525000001",
                                 contractNumber: "Д-7", contractDate: day(3), postalAddress: "а/я 5", area: decimal("120.5"),
                                 residents: 3, email: "a@b.ru", emailConfirmed: false, eReceipt: true, deliveryRoute: "R2",
                                 opened: day(4), closed: day(5), changedFrom: Period(year: 2026, month: 3))]
        data.accountServices = [AccountService(accountID: "ACC", serviceID: "SRV", validFrom: day(6), validTo: day(7),
                                               quantity: decimal("2.25"), installation: "ИПУ-1")]
        data.meters = [Meter(id: "MTR", accountID: "ACC", serviceID: "SRV", zones: 2, digits: 6, installed: day(8),
                             removed: day(9), verificationDue: day(10))]
        data.readings = [Reading(meterID: "MTR", date: day(11), value: decimal("1234.5"), zone: .day, source: .operator,
                                 rollover: true)]
        data.volumes = [Volume(accountID: "ACC", serviceID: "SRV", period: Period(year: 2026, month: 9)!,
                               quantity: decimal("3.75"), installation: "ОДПУ")]
        data.payments = [Payment(id: "PAY", accountID: "ACC", date: day(12), amount: Money(kopecks: 912_488), source: "bank",
                                 period: Period(year: 2026, month: 8)!)]
        data.absences = [Absence(accountID: "ACC", dateFrom: day(13), dateTo: day(14), persons: 2, document: "справка")]
        data.keyRates = [KeyRate(validFrom: day(15), rate: decimal("16.5"))]
        return data
    }()

    /// A database in `folder` holding `data`.
    static func store(in folder: TemporaryFolder) throws -> Store {
        let store = try Store.create(at: folder.path("codecs.sqlite")).store
        _ = try store.store(data)
        return store
    }

    func readBack<Entity>(_ codec: TableCodec<Entity>, from store: Store) throws -> (selected: [Entity], all: [Entity], stepped: [Entity]) {
        try store.read { db in
            var stepped: [Entity] = []
            try StatementRows(db, sql: "SELECT \(codec.selectList) FROM \(codec.table)", context: .databaseOperation("codecs", .read))
                .forEach({ _ in }) { stepped.append(codec.decode($0)) }
            let all = try Row.fetchAll(db, sql: "SELECT * FROM \(codec.table)",
                                       adapter: SuffixRowAdapter(fromIndex: codec.leadingColumn == nil ? 0 : 1))
            #expect(try codec.leadingColumn.map { try String.fetchOne(db, sql: "SELECT name FROM pragma_table_info(?) WHERE cid = 0",
                                                                      arguments: [codec.table]) == $0 } ?? true)
            return (try Row.fetchAll(db, sql: "SELECT \(codec.selectList) FROM \(codec.table)").map(codec.decode),
                    all.map(codec.decode), stepped)
        }
    }

    func expectRoundTrip<Entity: Equatable>(_ codec: TableCodec<Entity>, _ rows: [Entity], in store: Store) throws {
        #expect(codec.columns.sorted() == codec.kind.columns.names.sorted())
        let back = try readBack(codec, from: store)
        #expect(back.selected == rows)
        #expect(back.all == rows)
        #expect(back.stepped == rows)
    }

    @Test func everyEntityComesBackAsItWasStored() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        try expectRoundTrip(TableCodecs.suppliers, Self.data.suppliers, in: store)
        try expectRoundTrip(TableCodecs.services, Self.data.services, in: store)
        try expectRoundTrip(TableCodecs.tariffs, Self.data.tariffs, in: store)
        try expectRoundTrip(TableCodecs.accounts, Self.data.accounts, in: store)
        try expectRoundTrip(TableCodecs.accountServices, Self.data.accountServices, in: store)
        try expectRoundTrip(TableCodecs.meters, Self.data.meters, in: store)
        try expectRoundTrip(TableCodecs.readings, Self.data.readings, in: store)
        try expectRoundTrip(TableCodecs.volumes, Self.data.volumes, in: store)
        try expectRoundTrip(TableCodecs.payments, Self.data.payments, in: store)
        try expectRoundTrip(TableCodecs.absences, Self.data.absences, in: store)
        try expectRoundTrip(TableCodecs.keyRates, Self.data.keyRates, in: store)
    }

    /// The close decodes connections and readings column by column (`StoredRows`), not through the
    /// codec's key paths: both give the rows stored, with every field filled and with every optional
    /// one empty.
    @Test func theClosesOwnDecodersGiveWhatTheCodecGives() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let store = try Store.create(at: folder.path("codecs.sqlite")).store
        var data = Self.data
        data.accountServices.append(AccountService(accountID: "ACC", serviceID: "SRV", validFrom: Self.day(16)))
        data.readings.append(Reading(meterID: "MTR", date: Self.day(17), value: Self.decimal("0.000001"), zone: .night))
        _ = try store.store(data)
        func decoded<Entity>(_ codec: TableCodec<Entity>, _ own: (StatementRow) -> Entity) throws -> (own: [Entity], codec: [Entity]) {
            try store.read { db in
                var result: (own: [Entity], codec: [Entity]) = ([], [])
                try StatementRows(db, sql: "SELECT \(codec.selectList) FROM \(codec.table) ORDER BY 1, 2, 3",
                                  context: .databaseOperation("codecs", .read))
                    .forEach({ _ in }) { row in
                        result.own.append(own(row))
                        result.codec.append(codec.decode(row))
                    }
                return result
            }
        }
        let services = try decoded(TableCodecs.accountServices) { StoredRows.accountService($0) }
        // In key order: the added rows are dated before the first ones.
        let servicesStored = [data.accountServices[1], data.accountServices[0]]
        #expect(services.own == servicesStored && services.codec == servicesStored)
        let readings = try decoded(TableCodecs.readings) { StoredRows.reading($0) }
        let readingsStored = [data.readings[1], data.readings[0]]
        #expect(readings.own == readingsStored && readings.codec == readingsStored)
    }

    /// The stored values themselves, in the table's stored order (money in kopecks, quantities in
    /// millionths, booleans 0/1): a field bound to the wrong column of the same type shows here.
    @Test func storedCellsAreTheDocumentedForms() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        let store = try Self.store(in: folder)
        #expect(try store.contents(of: .tariffs)
                == [["SRV", "2026-02-02", "2026-03-03", "2543210000", "night", "business", "21300", "1500000"]])
        #expect(try store.contents(of: .readings) == [["MTR", "2026-12-12", "day", "1234500000", "operator", "1"]])
        #expect(try store.contents(of: .accounts)
                == [["ACC", "business", "ООО «Ромашка»", "ул. Мира, 1", "3525000001", "Д-7", "2026-04-04", "а/я 5", "120500000",
                     "3", "a@b.ru", "0", "1", "R2", "2026-05-05", "2026-06-06", "2026-03"]])
        #expect(try store.contents(of: .payments) == [["PAY", "ACC", "2026-01-13", "912488", "bank", "2026-08"]])
        #expect(try store.contents(of: .meters)
                == [["MTR", "ACC", "SRV", "2", "6", "2026-09-09", "2026-10-10", "2026-11-11"]])
        #expect(try store.contents(of: .volumes) == [["ACC", "SRV", "2026-09", "3750000", "ОДПУ"]])
    }
}
