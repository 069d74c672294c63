import RaschetCore
import Testing

@Suite struct FormulaGuardTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+7 (8172) 55-21-40", "'+7 (8172) 55-21-40"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "'\rCR"),
        ("-12.50", "-12.50"),
        ("-3,5", "-3,5"),
        ("+100", "+100"),
        ("-", "'-"),
        ("-1.2.3", "'-1.2.3"),
        ("ООО «Вектор»", "ООО «Вектор»"),
        ("", ""),
    ])
    func formulaLikeTextGetsAnApostropheAndNumbersStayNumbers(cell: String, expected: String) {
        #expect(FormulaGuard.neutralized(cell) == expected)
        #expect(FormulaGuard.restored(Substring(FormulaGuard.neutralized(cell))) == Substring(cell))
    }

    @Test func anApostropheThatGuardsNothingIsKept() {
        #expect(FormulaGuard.restored("'quoted") == "'quoted")
        #expect(FormulaGuard.restored("'") == "'")
    }

    @Test func csvExportsNeutralizeTextCellsButNotNegativeMoney() {
        let table = ExportTable(header: [], collection: "lines", columns: ["account", "installation", "gross"],
                                records: [[.init("account", "=1+1"), .init("installation", "@x"), .init("gross", "-5.00")]])
        #expect(table.csv == "account;installation;gross\n'=1+1;'@x;-5.00\n")
        // JSON is data, not a spreadsheet: written as is.
        #expect(table.json.contains("\"account\":\"=1+1\""))
    }
}
