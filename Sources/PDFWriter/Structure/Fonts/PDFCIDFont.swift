/// A CIDFont dictionary with TrueType outlines (ISO 32000-1 §9.7.4.1, Table 117): `/Type /Font`,
/// `/Subtype /CIDFontType2`, `/BaseFont`, `/CIDSystemInfo` (§9.7.3, Table 116), `/FontDescriptor`,
/// `/DW`, `/W` (§9.7.4.3), `/CIDToGIDMap`.
public struct PDFCIDFont: PDFStructure {
    /// A run of glyph widths for consecutive CIDs starting at `firstCID` (`c [w1 w2 ...]` in `/W`).
    public struct WidthRun: Sendable, Hashable {
        /// The CID of the first width.
        public var firstCID: Int
        /// Widths in thousandths of an em.
        public var widths: [Double]

        /// Creates a run.
        public init(firstCID: Int, widths: [Double]) {
            self.firstCID = firstCID
            self.widths = widths
        }
    }

    /// `/W`: runs of widths, serialized once when made (a font's widths go into every file of a run).
    public struct Widths: Sendable, Hashable, ExpressibleByArrayLiteral {
        /// The runs, in ascending CID order.
        public let runs: [WidthRun]
        /// The serialized array.
        let bytes: [UInt8]

        /// The widths of `runs`.
        public init(_ runs: [WidthRun]) {
            self.runs = runs
            var out = PDFBytes(capacity: 64 + runs.count * 8)
            PDFValue.array(runs.flatMap { [PDFValue.int($0.firstCID), .array($0.widths.map { .real($0) })] }).write(to: &out)
            bytes = out.bytes
        }

        public init(arrayLiteral runs: WidthRun...) { self.init(runs) }
    }

    /// The PostScript name, with the subset tag; the same as the parent Type0 font's.
    public var baseFont: String
    /// `/CIDSystemInfo` `/Registry`: the issuer of the character collection.
    public var registry: String
    /// `/CIDSystemInfo` `/Ordering`: the character collection within the registry.
    public var ordering: String
    /// `/CIDSystemInfo` `/Supplement`: the supplement number of the collection.
    public var supplement: Int
    /// The font descriptor (see ``PDFFontDescriptor``).
    public var descriptor: PDFObjectID
    /// The width of CIDs not in ``widths``.
    public var defaultWidth: Double
    /// Widths of the CIDs used.
    public var widths: Widths
    /// The stream mapping CIDs to glyph ids of the embedded font program (2 bytes per CID).
    public var cidToGIDMap: PDFObjectID

    /// Creates a CIDFontType2 dictionary; the character collection defaults to `Adobe-Identity-0`.
    public init(baseFont: String, registry: String = "Adobe", ordering: String = "Identity", supplement: Int = 0,
                descriptor: PDFObjectID, defaultWidth: Double, widths: Widths, cidToGIDMap: PDFObjectID) {
        self.baseFont = baseFont
        self.registry = registry
        self.ordering = ordering
        self.supplement = supplement
        self.descriptor = descriptor
        self.defaultWidth = defaultWidth
        self.widths = widths
        self.cidToGIDMap = cidToGIDMap
    }

    public var dictionary: PDFDictionary {
        PDFDictionary([
            "Type": .name("Font"),
            "Subtype": .name("CIDFontType2"),
            "BaseFont": .name(baseFont),
            "CIDSystemInfo": .dictionary(PDFDictionary([
                "Registry": .string(Array(registry.utf8)),
                "Ordering": .string(Array(ordering.utf8)),
                "Supplement": .int(supplement),
            ])),
            "FontDescriptor": .reference(descriptor),
            "DW": .real(defaultWidth),
            "W": .serialized(widths.bytes),
            "CIDToGIDMap": .reference(cidToGIDMap),
        ])
    }
}
