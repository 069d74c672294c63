public import PDFText
public import PDFWriter

/// How a run of text looks: font, size, colour and line height.
public struct TextStyle: Sendable, Hashable {
    /// The font face (shared, loaded once).
    public var font: FontFace
    /// Size in points.
    public var size: Double
    /// Fill colour of the glyphs.
    public var color: PDFColor
    /// Distance between baselines as a multiple of ``size``.
    public var lineHeight: Double

    /// Creates a style.
    public init(font: FontFace, size: Double, color: PDFColor = .black, lineHeight: Double = 1.2) {
        self.font = font
        self.size = size
        self.color = color
        self.lineHeight = lineHeight
    }

    /// The baseline-to-baseline distance in points.
    public var leading: Double { size * lineHeight }

    /// The distance from the top of a line box to the baseline: the font ascender, scaled.
    public var ascent: Double {
        let m = font.metrics
        let extra = (leading - size * Double(m.ascender - m.descender) / Double(m.unitsPerEm)) / 2
        return extra + size * Double(m.ascender) / Double(m.unitsPerEm)
    }

    /// The same style at another size.
    public func withSize(_ size: Double) -> TextStyle {
        var copy = self
        copy.size = size
        return copy
    }

    /// The same style in another face.
    public func withFont(_ font: FontFace) -> TextStyle {
        var copy = self
        copy.font = font
        return copy
    }
}
