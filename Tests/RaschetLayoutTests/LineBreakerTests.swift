import PDFText
import RaschetLayout
import RaschetTesting
import Testing

@Suite("Line breaking")
struct LineBreakerTests {
    /// PT Sans at 10 points; widths below are those of the same letters, so the breaks are exact.
    static let face = Result { try FontFamily.ptSans(directory: ExternalTool.fontsDirectory).regular }

    func breaker() throws -> LineBreaker {
        let face = try Self.face.get()
        return LineBreaker(size: 10) { face.shape($0) }
    }

    func width(_ text: String) throws -> Double { try Self.face.get().shape(text).width(size: 10) }

    @Test("words go on a line while they fit")
    func greedy() throws {
        let lines = try breaker().lines("аа аа аа аа", width: width("аа аа"))
        #expect(lines.map(\.text) == ["аа аа", "аа аа"])
        #expect(try lines.map(\.width) == [width("аа аа"), width("аа аа")])
        #expect(lines.map(\.isParagraphEnd) == [false, true])
        #expect(lines.allSatisfy { $0.shaped.glyphs.count == 5 })
    }

    @Test("a word longer than the line is split between characters")
    func longWord() throws {
        #expect(try breaker().lines("аааааааааа а", width: width("аааа")).map(\.text) == ["аааа", "аааа", "аа а"])
    }

    /// Each piece of a very long word is the longest that fits, and the pieces are found by shaping
    /// prefixes at most twice a line's length: 1,000 lines of a 40,000-letter word shape 460,802
    /// letters (11.5 times the word); halving the whole remainder for each line shaped 40,294,168.
    @Test("a very long word is split in time linear in its length")
    func veryLongWord() throws {
        let face = try Self.face.get()
        var shaped = 0
        let counting = LineBreaker(size: 10) { text in
            shaped += text.count
            return face.shape(text)
        }
        let word = String(repeating: "а", count: 40_000)
        let width = try width(String(repeating: "а", count: 40))
        let lines = counting.lines(word, width: width)
        #expect(lines.map(\.text) == Array(repeating: String(repeating: "а", count: 40), count: 1_000))
        #expect(lines.dropLast().allSatisfy(\.endsInsideWord) && lines.last?.isParagraphEnd == true)
        #expect(shaped < 16 * word.count, "\(shaped) letters shaped")
    }

    @Test("newlines end paragraphs and empty lines are kept")
    func hardBreaks() throws {
        let lines = try breaker().lines("а\n\nб", width: 100)
        #expect(lines.map(\.text) == ["а", "", "б"])
        #expect(lines.allSatisfy { $0.isParagraphEnd })
    }

    @Test("repeated spaces do not make empty words")
    func spaces() throws {
        #expect(try breaker().lines("  а   б  ", width: 100).map(\.text) == ["а б"])
    }
}
