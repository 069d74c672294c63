import RaschetCore
import Testing

@Suite struct ExportTableTests {
    static let table = ExportTable(
        header: [.init("period", "2026-10")], collection: "lines", columns: ["account", "installation"],
        records: [
            [.init("account", "1"), .init("installation", "ООО \"Вектор\"; пом. 3")],
            [.init("account", "2"), .init("installation", "a\\b\n\u{1}")],
        ])

    @Test func jsonKeepsTheKeyOrderAndEscapesStrings() {
        #expect(Self.table.json == """
            {"period":"2026-10","lines":[
            {"account":"1","installation":"ООО \\"Вектор\\"; пом. 3"},
            {"account":"2","installation":"a\\\\b\\n\\u0001"}
            ]}

            """)
    }

    @Test func csvQuotesOnlyValuesThatNeedIt() {
        #expect(Self.table.csv == "account;installation\n1;\"ООО \"\"Вектор\"\"; пом. 3\"\n2;\"a\\b\n\u{1}\"\n")
    }

    @Test func anEmptyExportIsStillValid() {
        let empty = ExportTable(header: [.init("period", "2026-10")], collection: "accounts", columns: ["account"], records: [])
        #expect(empty.json == "{\"period\":\"2026-10\",\"accounts\":[]}\n")
        #expect(empty.csv == "account\n")
    }

    @Test func balancesExportInTheContractsKeyOrder() {
        let balance = AccountBalance(opening: Money(kopecks: -150), charged: Money(kopecks: 100_000), recalc: Money(kopecks: -5),
                                     penalty: Money(kopecks: 47), paid: Money(kopecks: 50_000))
        let table = ExportTable.balances(period: Period(year: 2026, month: 10)!, balances: [("4102470041", balance)])
        #expect(table.json == """
            {"period":"2026-10","accounts":[
            {"account":"4102470041","opening":"-1.50","charged":"1000.00","recalc":"-0.05","penalty":"0.47","paid":"500.00","closing":"498.92"}
            ]}

            """)
    }
}
