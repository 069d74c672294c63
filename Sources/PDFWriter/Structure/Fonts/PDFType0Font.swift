/// A composite font dictionary (ISO 32000-1 §9.7.6.1, Table 121): `/Type /Font`, `/Subtype /Type0`,
/// `/BaseFont`, `/Encoding`, `/DescendantFonts`, `/ToUnicode` (§9.10.3).
public struct PDFType0Font: PDFStructure {
    /// The PostScript name, with the subset tag (`ABCDEF+PTSans-Regular`).
    public var baseFont: String
    /// The CMap name; `Identity-H` maps 2-byte codes straight to CIDs (§9.7.5.2).
    public var encoding: String
    /// The one descendant CIDFont (see ``PDFCIDFont``).
    public var descendantFont: PDFObjectID
    /// The ToUnicode CMap stream.
    public var toUnicode: PDFObjectID

    /// Creates a Type0 font dictionary.
    public init(baseFont: String, encoding: String = "Identity-H", descendantFont: PDFObjectID, toUnicode: PDFObjectID) {
        self.baseFont = baseFont
        self.encoding = encoding
        self.descendantFont = descendantFont
        self.toUnicode = toUnicode
    }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("Font"),
            "Subtype": .name("Type0"),
            "BaseFont": .name(baseFont),
            "Encoding": .name(encoding),
            "DescendantFonts": [.reference(descendantFont)],
            "ToUnicode": .reference(toUnicode),
        ])
    }
}
