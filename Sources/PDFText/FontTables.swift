import PDFWriter

/// What the PDF objects of an ``EmbeddedFont`` hold for one set of used glyphs: the subset's tagged name
/// and program, the widths, the CIDToGIDMap and the ToUnicode CMap, the streams compressed once (zlib
/// level 6, like the font program). A face keeps them per document-independent set of used glyphs
/// (``Key``), so a run of receipts whose text stays within the base repertoire makes them once.
final class FontTables: Sendable {
    /// A set of used glyphs that means the same in every document: the glyph-id CIDs used, and those
    /// used for their character (listed in ToUnicode), as bitsets, and the fixed shared CIDs used.
    struct Key: Hashable, Sendable {
        let glyphs: [UInt64]
        let characters: [UInt64]
        let shared: [UInt16]
    }

    /// A used CID: its glyph in the face and, when it stands for text, the text.
    typealias Entry = (cid: UInt16, glyph: UInt32, text: String?)

    /// The PostScript name with the subset tag (six letters from a hash of the subset's glyphs).
    let baseFont: String
    /// `/W`: runs of consecutive CIDs share one array (§9.7.4.3).
    let widths: PDFCIDFont.Widths
    let subset: FontSubset
    let cidToGIDMap: [UInt8]
    let compressedCIDToGIDMap: [UInt8]
    let toUnicode: [UInt8]
    let compressedToUnicode: [UInt8]

    /// The tables of `entries`, in CID order.
    init(face: FontFace, entries: [Entry]) throws(FontError) {
        var glyphs = Set(entries.map(\.glyph))
        glyphs.insert(0)
        let sortedGlyphs = glyphs.sorted()
        subset = try face.subset(glyphs: sortedGlyphs)
        var newGlyph: [UInt32: UInt32] = [:]
        for pair in subset.newGlyphIDs { newGlyph[pair.old] = pair.new }

        var tag = StableHash()
        tag.combine(face.metrics.postScriptName)
        for glyph in sortedGlyphs { tag.combine([UInt8(glyph >> 8 & 0xFF), UInt8(glyph & 0xFF)]) }
        let letters = tag.digest.prefix(6).map { Character(Unicode.Scalar(UInt8(65 + Int($0) % 26))) }
        baseFont = String(letters) + "+" + face.metrics.postScriptName

        let scale = 1000 / Double(face.metrics.unitsPerEm)
        var widths: [PDFCIDFont.WidthRun] = []
        var previous = -2
        for entry in entries {
            let cid = Int(entry.cid)
            let width = Double(face.advance(of: entry.glyph)) * scale
            if cid == previous + 1, !widths.isEmpty {
                widths[widths.count - 1].widths.append(width)
            } else {
                widths.append(PDFCIDFont.WidthRun(firstCID: cid, widths: [width]))
            }
            previous = cid
        }
        self.widths = PDFCIDFont.Widths(widths)

        let maxCID = Int(entries.last?.cid ?? 0)
        var map = [UInt8](repeating: 0, count: (maxCID + 1) * 2)
        for entry in entries {
            let new = newGlyph[entry.glyph] ?? 0
            map[Int(entry.cid) * 2] = UInt8(new >> 8)
            map[Int(entry.cid) * 2 + 1] = UInt8(new & 0xFF)
        }
        cidToGIDMap = map
        compressedCIDToGIDMap = Flate.compress(map, level: 6)
        toUnicode = ToUnicodeCMap.bytes(entries.compactMap { entry in entry.text.map { (entry.cid, $0) } })
        compressedToUnicode = Flate.compress(toUnicode, level: 6)
    }
}
