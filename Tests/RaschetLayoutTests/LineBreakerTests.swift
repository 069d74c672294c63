import RaschetLayout
import Testing

@Suite("Line breaking")
struct LineBreakerTests {
    /// Every character is 1 point wide, so widths are character counts.
    let breaker = LineBreaker { Double($0.count) }

    @Test("words go on a line while they fit")
    func greedy() {
        let lines = breaker.lines("аа бб вв гг", width: 5)
        #expect(lines.map(\.text) == ["аа бб", "вв гг"])
        #expect(lines.map(\.width) == [5, 5])
        #expect(lines.map(\.isParagraphEnd) == [false, true])
    }

    @Test("a word longer than the line is split between characters")
    func longWord() {
        #expect(breaker.lines("абвгдежзий к", width: 4).map(\.text) == ["абвг", "дежз", "ий к"])
    }

    @Test("newlines end paragraphs and empty lines are kept")
    func hardBreaks() {
        let lines = breaker.lines("а\n\nб", width: 10)
        #expect(lines.map(\.text) == ["а", "", "б"])
        #expect(lines.allSatisfy { $0.isParagraphEnd })
    }

    @Test("repeated spaces do not make empty words")
    func spaces() {
        #expect(breaker.lines("  а   б  ", width: 10).map(\.text) == ["а б"])
    }
}
