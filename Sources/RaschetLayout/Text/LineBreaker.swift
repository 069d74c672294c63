public import PDFText
import PDFWriter

/// One line of a broken paragraph: its shaped text and width.
public struct TextLine: Sendable, Hashable {
    /// The characters on the line, without the space it was broken at, shaped (drawn as they are).
    public let shaped: ShapedText
    /// Width at the style's size, in points, from the shaped advances.
    public let width: Double
    /// Whether the line ends a paragraph (hard break or last line): never justified.
    public let isParagraphEnd: Bool
    /// Whether the line is the head of a word too wide for a line, split between characters.
    public let endsInsideWord: Bool
    /// The line's `TJ` operator when its codes are the same in every document (formed once, when the
    /// text was shaped).
    var glyphRun: GlyphRun? { shaped.fixedEncoding?.glyphRun }

    /// The line of `shaped` text at `size` points.
    public init(_ shaped: ShapedText, size: Double, isParagraphEnd: Bool, endsInsideWord: Bool = false) {
        self.shaped = shaped
        width = shaped.width(size: size)
        self.isParagraphEnd = isParagraphEnd
        self.endsInsideWord = endsInsideWord
    }

    /// The characters on the line.
    public var text: String { shaped.text }
}

/// Greedy line breaking on measured, shaped text.
///
/// Break opportunities are spaces and explicit newlines; a word wider than the line is split between
/// characters. Widths come from HarfBuzz advances (kerning included), the same advances the PDF uses.
public struct LineBreaker {
    private let shape: (String) -> ShapedText
    private let shapeWhole: (String) -> ShapedText
    private let size: Double

    /// Creates a breaker for text at `size` points, shaped with `shape`; a text first tried whole on one
    /// line is shaped with `shapeWhole` (default: `shape`), so that a caller keeping the lines it gets
    /// need not keep those shapes as well.
    public init(size: Double, shape: @escaping (String) -> ShapedText, shapeWhole: ((String) -> ShapedText)? = nil) {
        self.size = size
        self.shape = shape
        self.shapeWhole = shapeWhole ?? shape
    }

    private func measure(_ text: String) -> Double { shape(text).width(size: size) }

    private func line(_ text: String, isParagraphEnd: Bool, endsInsideWord: Bool = false) -> TextLine {
        TextLine(shape(text), size: size, isParagraphEnd: isParagraphEnd, endsInsideWord: endsInsideWord)
    }

    /// Breaks `text` into lines no wider than `width`.
    /// - Complexity: O(words + lines) shapings, plus, for a word split between characters, shapings of
    ///   O(characters) characters in all.
    public func lines(_ text: String, width: Double) -> [TextLine] {
        // Fast path: most table cells and short lines fit as they are.
        if !text.utf8.contains(0x0A) {
            let whole = shapeWhole(text)
            if whole.width(size: size) <= width, text.utf8.first != 0x20, text.utf8.last != 0x20, !containsDoubleSpace(text) {
                return [TextLine(whole, size: size, isParagraphEnd: true)]
            }
        }
        var result: [TextLine] = []
        let spaceWidth = measure(" ")
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        for paragraph in paragraphs {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.isEmpty {
                result.append(line("", isParagraphEnd: true))
                continue
            }
            var current = ""
            var currentWidth = 0.0
            /// Starts a line with `word`, first emitting the full-width pieces of a word too long for one.
            func startLine(with word: String) {
                var remaining = Substring(word)
                if measure(word) > width {
                    while case let end = fittingEnd(of: remaining, width: width), end < remaining.endIndex {
                        result.append(line(String(remaining[..<end]), isParagraphEnd: false, endsInsideWord: true))
                        remaining = remaining[end...]
                    }
                }
                current = String(remaining)
                currentWidth = measure(current)
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
                    result.append(line(current, isParagraphEnd: false))
                    startLine(with: word)
                }
            }
            result.append(line(current, isParagraphEnd: true))
        }
        return result
    }

    /// The end of the longest prefix of `text` that fits (at least its first character; `endIndex`
    /// when all of it fits). Found by doubling the prefix until one does not fit, then halving between
    /// the two: every prefix measured is at most twice as long as a line, so a word of any length is
    /// split in time linear in its length.
    private func fittingEnd(of text: Substring, width: Double) -> Substring.Index {
        var fits = text.index(after: text.startIndex)
        var tooWide = text.endIndex
        var step = 1
        while fits < text.endIndex {
            let next = text.index(fits, offsetBy: step, limitedBy: text.endIndex) ?? text.endIndex
            if measure(String(text[..<next])) > width {
                tooWide = next
                break
            }
            fits = next
            step *= 2
        }
        while fits < tooWide, text.index(after: fits) < tooWide {
            let middle = text.index(fits, offsetBy: text.distance(from: fits, to: tooWide) / 2)
            if measure(String(text[..<middle])) <= width { fits = middle } else { tooWide = middle }
        }
        return fits
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
