import RaschetCore
import Testing

@Suite struct DocumentFileNameTests {
    @Test(arguments: [
        ("4102470118", "4102470118_2026-10.pdf"),
        ("../x", "_._x_2026-10.pdf"),
        ("/etc/passwd", "_etc_passwd_2026-10.pdf"),
        (".hidden", "_hidden_2026-10.pdf"),
        ("..", "_._2026-10.pdf"),
        ("a\u{0}b\nc\u{7F}", "a_b_c__2026-10.pdf"),
        ("ЛС 12", "___12_2026-10.pdf"),
        ("A.b_c-9", "A.b_c-9_2026-10.pdf"),
    ])
    func receiptNamesKeepOnlySafeCharacters(id: String, name: String) {
        #expect(DocumentFileName.receipt(accountID: id, period: month("2026-10")) == name)
    }
}
