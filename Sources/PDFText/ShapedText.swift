/// One positioned glyph of shaped text, in font units.
public struct ShapedGlyph: Sendable, Hashable {
    /// The glyph id in the font.
    public let glyph: UInt32
    /// The advance HarfBuzz chose (the `hmtx` width plus kerning).
    public let advance: Int32
    /// The characters this glyph stands for (empty for the 2nd+ glyph of a cluster): feeds ToUnicode.
    public let text: String
}

/// A run of text shaped with one font: glyph ids, advances and the text each glyph came from.
///
/// A class, so that the texts kept in caches and carried by every line drawn cost one reference count
/// per copy instead of one per array they hold.
public final class ShapedText: Sendable, Hashable {
    /// The font the glyphs belong to.
    public let face: FontFace
    /// The original text.
    public let text: String
    /// Glyphs in visual (left to right) order.
    public let glyphs: [ShapedGlyph]
    /// The sum of advances, in font units.
    public let advance: Int
    /// The codes of the glyphs when they are the same in every document; nil otherwise.
    public let fixedEncoding: FixedEncoding?

    init(face: FontFace, text: String, glyphs: [ShapedGlyph], advance: Int, fixedEncoding: FixedEncoding?) {
        self.face = face
        self.text = text
        self.glyphs = glyphs
        self.advance = advance
        self.fixedEncoding = fixedEncoding
    }

    /// The width at `size` points.
    @inlinable
    public func width(size: Double) -> Double {
        Double(advance) * size / Double(face.metrics.unitsPerEm)
    }

    public static func == (lhs: ShapedText, rhs: ShapedText) -> Bool {
        lhs.face === rhs.face && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(face))
        hasher.combine(text)
    }
}
