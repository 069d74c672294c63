import RaschetCore
import Testing

@Suite struct DocumentFileNameTests {
    @Test(arguments: [
        ("4102470118", "4102470118_2026-10.pdf"),
        ("../x", "_00002E._00002Fx_2026-10.pdf"),
        ("/etc/passwd", "_00002Fetc_00002Fpasswd_2026-10.pdf"),
        (".hidden", "_00002Ehidden_2026-10.pdf"),
        ("..", "_00002E._2026-10.pdf"),
        ("a\u{0}b\nc\u{7F}", "a_000000b_00000Ac_00007F_2026-10.pdf"),
        ("ЛС 12", "_00041B_000421_00002012_2026-10.pdf"),
        ("A.b_c-9", "A.b__c-9_2026-10.pdf"),
        ("😀", "_01F600_2026-10.pdf"),
    ])
    func receiptNamesKeepOnlySafeCharacters(id: String, name: String) {
        #expect(DocumentFileName.receipt(accountID: id, period: month("2026-10")) == name)
    }

    /// Ids that differ only in characters a file name cannot hold get names of their own: one
    /// account's receipt never overwrites another's, nor is mailed as another's.
    @Test func idsThatDifferOnlyInUnsafeCharactersGetDifferentNames() {
        let ids = ["a/b", "a_b", "a b", "a__b", "a_00002Fb", "a\u{0}b", "a.b", ".ab", "_00002Eab", "ab"]
        let names = ids.map { DocumentFileName.receipt(accountID: $0, period: month("2026-10")) }
        #expect(Set(names).count == ids.count, "\(names)")
    }
}
