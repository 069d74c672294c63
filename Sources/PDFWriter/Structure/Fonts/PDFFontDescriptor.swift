/// A font descriptor (ISO 32000-1 §9.8.1, Table 122): `/Type /FontDescriptor`, `/FontName`, `/Flags`
/// (§9.8.2), `/FontBBox`, `/ItalicAngle`, `/Ascent`, `/Descent`, `/CapHeight`, `/StemV`, `/FontFile2`.
public struct PDFFontDescriptor: PDFStructure {
    /// Font flags (§9.8.2, Table 123).
    public struct Flags: OptionSet, Sendable, Hashable {
        /// The flag bits.
        public let rawValue: Int
        /// Creates flags from their bits.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Bit 6: the font uses the standard Latin character set (or a subset).
        public static let nonsymbolic = Flags(rawValue: 1 << 5)
        /// Bit 7: glyphs have dominant slanted vertical strokes.
        public static let italic = Flags(rawValue: 1 << 6)
    }

    /// The PostScript name, with the subset tag; the same as the font's `/BaseFont`.
    public var fontName: String
    /// The font's characteristics.
    public var flags: Flags
    /// The glyph bounding box (left, bottom, right, top) in thousandths of an em.
    public var boundingBox: (Double, Double, Double, Double)
    /// Degrees counter-clockwise from vertical.
    public var italicAngle: Double
    /// The maximum height above the baseline, in thousandths of an em.
    public var ascent: Double
    /// The maximum depth below the baseline (negative), in thousandths of an em.
    public var descent: Double
    /// The height of flat capital letters, in thousandths of an em.
    public var capHeight: Double
    /// The dominant vertical stem width.
    public var stemV: Int
    /// The embedded TrueType program (see ``PDFFontFile2``).
    public var fontFile2: PDFObjectID

    /// Creates a font descriptor.
    public init(fontName: String, flags: Flags, boundingBox: (Double, Double, Double, Double), italicAngle: Double,
                ascent: Double, descent: Double, capHeight: Double, stemV: Int, fontFile2: PDFObjectID) {
        self.fontName = fontName
        self.flags = flags
        self.boundingBox = boundingBox
        self.italicAngle = italicAngle
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight
        self.stemV = stemV
        self.fontFile2 = fontFile2
    }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("FontDescriptor"),
            "FontName": .name(fontName),
            "Flags": .int(flags.rawValue),
            "FontBBox": [.real(boundingBox.0), .real(boundingBox.1), .real(boundingBox.2), .real(boundingBox.3)],
            "ItalicAngle": .real(italicAngle),
            "Ascent": .real(ascent),
            "Descent": .real(descent),
            "CapHeight": .real(capHeight),
            "StemV": .int(stemV),
            "FontFile2": .reference(fontFile2),
        ])
    }
}
