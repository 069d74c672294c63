/// The `TJ` operator of one text's glyph codes and adjustments, formed once (``init(_:adjustments:)``,
/// ``Writer``) and written as it is wherever the text is drawn again (``ContentStream/showGlyphs(_:)``): a
/// receipt draws the same headings, units and tariffs on every page.
public struct GlyphRun: Sendable, Hashable {
    let bytes: [UInt8]

    /// The bytes ``ContentStream/showGlyphs(_:adjustments:)`` writes for `codes` and `adjustments`.
    public init(_ codes: [UInt16], adjustments: [Int]) {
        precondition(codes.count == adjustments.count)
        var writer = Writer(capacity: codes.count)
        for (code, adjustment) in zip(codes, adjustments) { writer.append(code, adjustment: adjustment) }
        self = writer.finish()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Forms a run a glyph at a time, with no arrays of codes and adjustments: the same bytes as
    /// ``GlyphRun/init(_:adjustments:)`` of the codes and adjustments appended.
    public struct Writer {
        private var out: PDFBytes

        /// An empty run, with room for about `capacity` glyphs.
        public init(capacity: Int) {
            out = PDFBytes(capacity: 12 + 3 * capacity)
            ContentStream.beginGlyphs(into: &out)
        }

        /// Appends `code`, after the `TJ` adjustment `adjustment` (thousandths of an em).
        public mutating func append(_ code: UInt16, adjustment: Int) {
            ContentStream.writeGlyph(code, adjustment: adjustment, into: &out)
        }

        /// The run of the glyphs appended.
        public consuming func finish() -> GlyphRun {
            ContentStream.endGlyphs(into: &out)
            return GlyphRun(bytes: out.bytes)
        }
    }
}
