import RaschetCore
import Testing

/// A count and its noun in the catalog's English texts: the singular for 1 only, the plural for 0
/// and every other count (21 too, unlike Russian), an irregular plural given.
@Suite struct EnglishCountTests {
    @Test(arguments: [
        (1, "1 row"), (0, "0 rows"), (2, "2 rows"), (21, "21 rows"), (11, "11 rows"), (100, "100 rows"),
    ])
    func theSingularForOneOnly(count: Int, text: String) {
        #expect(englishCount(count, "row") == text)
    }

    @Test func anIrregularPluralIsGiven() {
        #expect(englishCount(1, "try", "tries") == "1 try")
        #expect(englishCount(0, "try", "tries") == "0 tries")
        #expect(englishCount(3, "batch", "batches") == "3 batches")
        #expect(englishCount(1, "batch", "batches") == "1 batch")
    }

    @Test func aNounOfSeveralWordsTakesItsPluralAtTheEnd() {
        #expect(englishCount(1, "e-receipt account") == "1 e-receipt account")
        #expect(englishCount(7, "e-receipt account") == "7 e-receipt accounts")
    }
}
