/// One line of a broken paragraph: its text and shaped width.
public struct TextLine: Sendable, Hashable {
    /// The characters on the line, without the space it was broken at.
    public let text: String
    /// Width at the style's size, in points, from the shaped advances.
    public let width: Double
    /// Whether the line ends a paragraph (hard break or last line): never justified.
    public let isParagraphEnd: Bool
}

/// Greedy line breaking on measured, shaped text.
///
/// Break opportunities are spaces and explicit newlines; a word wider than the line is split between
/// characters. Widths come from HarfBuzz advances (kerning included), the same advances the PDF uses.
public struct LineBreaker {
    private let measure: (String) -> Double

    /// Creates a breaker measuring text with `measure` (points).
    public init(measure: @escaping (String) -> Double) { self.measure = measure }

    /// Breaks `text` into lines no wider than `width`.
    /// - Complexity: O(words + lines) shapings, plus O(characters) for words split between characters.
    public func lines(_ text: String, width: Double) -> [TextLine] {
        // Fast path: most table cells and short lines fit as they are.
        if !text.utf8.contains(0x0A) {
            let whole = measure(text)
            if whole <= width, text.utf8.first != 0x20, text.utf8.last != 0x20, !containsDoubleSpace(text) {
                return [TextLine(text: text, width: whole, isParagraphEnd: true)]
            }
        }
        var result: [TextLine] = []
        let spaceWidth = measure(" ")
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        for paragraph in paragraphs {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.isEmpty {
                result.append(TextLine(text: "", width: 0, isParagraphEnd: true))
                continue
            }
            var current = ""
            var currentWidth = 0.0
            /// Starts a line with `word`, first emitting the full-width pieces of a word too long for one.
            func startLine(with word: String) {
                var remaining = word
                while measure(remaining) > width, remaining.count > 1 {
                    let (head, tail) = split(remaining, width: width)
                    result.append(TextLine(text: head, width: measure(head), isParagraphEnd: false))
                    remaining = tail
                }
                current = remaining
                currentWidth = measure(remaining)
            }
            for word in words {
                if current.isEmpty {
                    startLine(with: word)
                    continue
                }
                // Additive estimate (word widths are cached by the caller); the line is measured whole
                // once it is complete.
                let candidateWidth = currentWidth + spaceWidth + measure(word)
                if candidateWidth <= width {
                    current += " " + word
                    currentWidth = candidateWidth
                } else {
                    result.append(TextLine(text: current, width: measure(current), isParagraphEnd: false))
                    startLine(with: word)
                }
            }
            result.append(TextLine(text: current, width: measure(current), isParagraphEnd: true))
        }
        return result
    }

    /// The longest prefix (at least one character) of `word` that fits, and the rest.
    private func split(_ word: String, width: Double) -> (String, String) {
        let characters = Array(word)
        var low = 1, high = characters.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if measure(String(characters[0..<mid])) <= width { low = mid } else { high = mid - 1 }
        }
        return (String(characters[0..<low]), String(characters[low...]))
    }

    private func containsDoubleSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x20 && previous == 0x20 { return true }
            previous = byte
        }
        return false
    }
}
