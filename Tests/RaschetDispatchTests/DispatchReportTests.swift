import RaschetCore
import RaschetDispatch
import Testing

/// The dispatch report file: RFC 4180 quoting, the reason in the language asked for, and cells a
/// spreadsheet would run as formulas neutralized.
@Suite struct DispatchReportTests {
    @Test func aReasonInTheLanguageAskedForAndFormulasNeutralized() {
        var report = DispatchReport()
        report.outcomes = [
            DispatchOutcome(account: "1001", email: "a@b.ru", result: .failed,
                            reason: .withServerReply(.serverRefusedMessage, "554 no, thanks")),
            DispatchOutcome(account: "=HYPERLINK(\"x\")", email: "c@d.ru", result: .skipped, reason: .verbatim("-1+2")),
        ]
        #expect(report.csv(in: .russian) == "account,email,result,reason\r\n"
            + "1001,a@b.ru,failed,\"сервер отклонил письмо (ответ сервера: «554 no, thanks»)\"\r\n"
            + "\"'=HYPERLINK(\"\"x\"\")\",c@d.ru,skipped,'-1+2\r\n")
        #expect(report.csv(in: .english).contains("1001,a@b.ru,failed,\"the server refused the message (server: 554 no, thanks)\"\r\n"))
    }
}
