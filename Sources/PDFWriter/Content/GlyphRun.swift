/// The `TJ` operator of one text's glyph codes and adjustments, formed once (``Writer``) and written as it
/// is wherever the text is drawn again (``ContentStream/showGlyphs(_:)``): a receipt draws the same
/// headings, units and tariffs on every page.
public struct GlyphRun: Sendable, Hashable {
    let bytes: [UInt8]

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Forms a run a glyph at a time, with no arrays of codes and adjustments: the same bytes as
    /// ``ContentStream/showGlyphs(_:adjustments:)`` of the codes and adjustments appended.
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
