import GRDB
import RaschetCore
import RaschetStore
import RaschetTesting
import Testing

/// The area and residents an account had before its dated changes (`premises_history`), kept by a
/// trigger on every write of an account row.
@Suite struct PremisesHistoryTests {
    static func row(area: String, residents: Int, from: String?) -> DataSet {
        var data = DataSet()
        data.accounts = [Account(id: "4102738517", kind: .person, name: "Петров П. П.", address: "кв. 119",
                                 area: ExactDecimal(parsing: area), residents: residents,
                                 changedFrom: from.flatMap(Period.init(parsing:)))]
        return data
    }

    /// `until area residents`, by period.
    static func history(_ folder: TemporaryFolder) throws -> [String] {
        let queue = try DatabaseQueue(path: folder.path("test.sqlite"))
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT until_period, area, residents FROM premises_history WHERE account_id = '4102738517' ORDER BY until_period
                """).map { "\($0[0] as String) \(ExactDecimal(micros: $0[1])) \($0[2] as Int)" }
        }
    }

    @Test func eachDatedChangeKeepsTheValuesOfThePeriodBeforeIt() throws {
        let folder = try TemporaryFolder("raschet-store")
        defer { folder.remove() }
        let store = try CloseTablesTests.store(in: folder)
        _ = try store.store(Self.row(area: "50", residents: 2, from: nil))
        #expect(try Self.history(folder) == [])
        // 52 m² from September: 50 m² until then.
        _ = try store.store(Self.row(area: "52", residents: 2, from: "2026-09"))
        #expect(try Self.history(folder) == ["2026-09 50 2"])
        // The same values again, whatever the date: nothing changes.
        _ = try store.store(Self.row(area: "52", residents: 2, from: "2026-07"))
        #expect(try Self.history(folder) == ["2026-09 50 2"])
        // 54 m² from November: 52 m² from September until then.
        _ = try store.store(Self.row(area: "54", residents: 2, from: "2026-11"))
        #expect(try Self.history(folder) == ["2026-09 50 2", "2026-11 52 2"])
        // 56 m² from October: September keeps its 52 m², the November entry goes.
        _ = try store.store(Self.row(area: "56", residents: 2, from: "2026-10"))
        #expect(try Self.history(folder) == ["2026-09 50 2", "2026-10 52 2"])
        // 3 residents from August: July keeps 50 m² and 2 residents; the later entries go.
        _ = try store.store(Self.row(area: "56", residents: 3, from: "2026-08"))
        #expect(try Self.history(folder) == ["2026-08 50 2"])
        // An entry at the date itself already holds the values before it.
        _ = try store.store(Self.row(area: "58", residents: 3, from: "2026-08"))
        #expect(try Self.history(folder) == ["2026-08 50 2"])
        // A change without a date applies to every period: the history goes.
        _ = try store.store(Self.row(area: "60", residents: 3, from: nil))
        #expect(try Self.history(folder) == [])
    }
}
