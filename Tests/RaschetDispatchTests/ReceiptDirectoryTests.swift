import RaschetCore
import RaschetDispatch
import Testing

@Suite struct ReceiptDirectoryTests {
    @Test(arguments: [
        ("4102470007", "4102470007_2026-10.pdf"),
        ("ЛС 12/3", "_00041B_000421_00002012_00002F3_2026-10.pdf"),
        (".hidden", "_00002Ehidden_2026-10.pdf"),
    ])
    func fileNamesKeepOnlySafeCharactersAndNeverStartWithADot(account: String, expected: String) {
        #expect(DocumentFileName.receipt(accountID: account, period: Period(year: 2026, month: 10)!) == expected)
    }

    @Test func aMissingFileIsReportedWithTheCommandThatMakesIt() {
        do {
            _ = try ReceiptDirectory(path: "/nonexistent").receipt(account: "1", period: Period(year: 2026, month: 10)!)
            Issue.record("expected a missing receipt")
        } catch {
            #expect(error.code == .missingInput)
            #expect(error.userMessage == "no receipt file /nonexistent/1_2026-10.pdf; render it with "
                + "`raschet render receipts --period 2026-10 --out /nonexistent`")
        }
    }
}
