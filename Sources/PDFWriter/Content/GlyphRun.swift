/// The `TJ` operator of one text's glyph codes and adjustments, formed once (``init(_:adjustments:)``) and
/// written as it is wherever the text is drawn again (``ContentStream/showGlyphs(_:)``): a receipt draws
/// the same headings, units and tariffs on every page.
public struct GlyphRun: Sendable, Hashable {
    let bytes: [UInt8]

    /// The bytes ``ContentStream/showGlyphs(_:adjustments:)`` writes for `codes` and `adjustments`.
    public init(_ codes: [UInt16], adjustments: [Int]) {
        var out = PDFBytes(capacity: 12 + 3 * codes.count)
        ContentStream.writeGlyphs(codes, adjustments: adjustments, into: &out)
        bytes = out.bytes
    }
}
