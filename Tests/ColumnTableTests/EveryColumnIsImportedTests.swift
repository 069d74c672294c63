import Foundation
import RaschetCore
import RaschetIngest
import RaschetStore
import RaschetTesting
import Testing

/// Every column of the column table reaches the store: a file of each entity with every column
/// filled is imported and stored, and no stored cell is empty. A column the importer accepts
/// (its schema comes from the table) but that no decoder reads would otherwise be dropped
/// silently.
@Suite struct EveryColumnIsImportedTests {
    /// One row per entity, every column filled with a valid value that is not the default.
    static let files: [EntityKind: String] = [
        .suppliers: "SUP;АО «Сбыт»;3525142318;352501001;Банк;041909644;30101810900000000644;40702810012000012345;г. Вологда;+7 8172 00-00-00",
        .services: "SRV;Отопление;Гкал;SUP;quantity;on_top;1;heat",
        .tariffs: "SRV;2026-01-01;2543.21;2026-12-31;night;business;0.0213;1.5",
        .accounts: "ACC;business;ООО «Ромашка»;ул. Мира, 1;3525000001;Д-7;2026-01-10;а/я 5;120.5;3;a@b.ru;1;1;R2;2026-01-01;2026-12-31;2026-03",
        .accountServices: "ACC;SRV;2026-01-01;2026-12-31;2.25;ИПУ-1",
        .meters: "MTR;ACC;SRV;2;6;2026-01-01;2026-12-31;2030-01-01",
        .readings: "MTR;2026-02-20;1234.5;day;operator;1",
        .volumes: "ACC;SRV;2026-09;3.75;ОДПУ",
        .payments: "PAY;ACC;2026-10-05;9124.88;bank;2026-09",
        .absences: "ACC;2026-03-01;2026-03-20;2;справка",
        .keyRates: "2026-01-01;16.5",
    ]

    @Test func aRowWithEveryColumnFilledIsStoredWithNoEmptyCell() throws {
        let folder = try TemporaryFolder("raschet-columns")
        defer { folder.remove() }
        var sources: [Importer.Source] = []
        for kind in EntityKind.allCases {
            let row = try #require(Self.files[kind])
            #expect(row.split(separator: ";", omittingEmptySubsequences: false).count == kind.columns.columns.count, "\(kind.name)")
            let path = try folder.write(kind.name + ".csv", kind.columns.names.joined(separator: ";") + "\n" + row + "\n")
            sources.append(Importer.Source(path: path, kind: kind))
        }
        var data = DataSet()
        let report = try Importer().read(sources, known: KnownKeys(), into: &data)
        #expect(report.problems.map(\.description) == [])

        let store = try Store.create(at: folder.path("db.sqlite")).store
        _ = try store.store(data)
        for kind in EntityKind.allCases {
            let rows = try store.contents(of: kind)
            #expect(rows.count == 1, "\(kind.name)")
            #expect(rows.first?.contains("∅") == false, "\(kind.name): \(rows.first ?? [])")
        }
    }
}
