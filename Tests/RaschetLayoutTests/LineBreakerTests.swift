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
