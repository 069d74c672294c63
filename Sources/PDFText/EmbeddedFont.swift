public import PDFWriter

/// A ``FontFace`` as used by one document: a composite `Type0` font with `Identity-H` encoding over a
/// subset `CIDFontType2` (ISO 32000-1 §9.7.4, §9.7.6), widths in `/W`, and a ToUnicode CMap (§9.10.3).
///
/// Codes are CIDs. A glyph's CID is its glyph id in the original font, so pages can be encoded without
/// knowing the final subset; when the same glyph stands for different text (fonts share outlines
/// between Latin A and Cyrillic А), later meanings get extra CIDs above the font's glyph count, so text
/// extraction returns what was written. `/CIDToGIDMap` maps CIDs to the subset's glyph ids.
///
/// The subset holds the face's base repertoire (``FontFace/baseGlyphs``) besides the used glyphs: the
/// receipts of a run differ in their names and addresses, and this way they all share one subset,
/// made and compressed once, instead of each making its own. `/W` and the maps list the used glyphs only.
///
/// Not thread-safe: one instance per document being built.
public final class EmbeddedFont: PDFFontResource {
    /// The font.
    public let face: FontFace
    private var textOfCID: [String?]
    private var usedCID: [Bool]
    private var extraCIDs: [String: UInt16] = [:]  // "gid:text" -> CID; looked up only, never iterated
    private var extraGlyphs: [(cid: UInt16, glyph: UInt32, text: String)] = []
    private var encoded: [ShapeCacheKey: (codes: [UInt16], adjustments: [Int])] = [:]

    /// Starts an empty subset of `face`.
    public init(face: FontFace) {
        self.face = face
        textOfCID = Array(repeating: nil, count: face.metrics.glyphCount)
        usedCID = Array(repeating: false, count: face.metrics.glyphCount)
    }

    /// Records the glyphs of `shaped` as used and returns their codes and `TJ` adjustments
    /// (thousandths of an em, written before each code) reproducing HarfBuzz's advances.
    public func encode(_ shaped: ShapedText) -> (codes: [UInt16], adjustments: [Int]) {
        precondition(shaped.face === face, "text shaped with another font")
        // The same text always encodes the same way, and its glyphs are already recorded as used.
        let key = ShapeCacheKey(text: shaped.text)
        if let cached = encoded[key] { return cached }
        var codes: [UInt16] = []
        var adjustments: [Int] = []
        codes.reserveCapacity(shaped.glyphs.count)
        adjustments.reserveCapacity(shaped.glyphs.count)
        let unitsPerEm = face.metrics.unitsPerEm
        var pending = 0
        for glyph in shaped.glyphs {
            codes.append(cid(for: glyph))
            adjustments.append(pending)
            let nominal = face.advance(of: glyph.glyph)
            let delta = Int(glyph.advance) - nominal
            pending = delta == 0 ? 0 : -((delta * 1000 + (delta > 0 ? unitsPerEm / 2 : -unitsPerEm / 2)) / unitsPerEm)
        }
        // Bounded, so that a print batch of any length keeps a flat memory (the codes stay valid: a
        // glyph's CID never changes within a document).
        if encoded.count >= 4096 { encoded.removeAll(keepingCapacity: true) }
        encoded[key] = (codes, adjustments)
        return (codes, adjustments)
    }

    private func cid(for glyph: ShapedGlyph) -> UInt16 {
        let gid = Int(glyph.glyph)
        precondition(gid < usedCID.count && gid < 0xFFFF)
        usedCID[gid] = true
        if glyph.text.isEmpty { return UInt16(gid) }
        guard let existing = textOfCID[gid] else {
            textOfCID[gid] = glyph.text
            return UInt16(gid)
        }
        if existing.hasSameUTF8(as: glyph.text) { return UInt16(gid) }
        let key = "\(gid):\(glyph.text)"
        if let cid = extraCIDs[key] { return cid }
        let cid = UInt16(face.metrics.glyphCount + extraGlyphs.count)
        precondition(Int(cid) < 0xFFFF, "too many distinct glyph meanings")
        extraCIDs[key] = cid
        extraGlyphs.append((cid, glyph.glyph, glyph.text))
        return cid
    }

    /// Writes the Type0 font as `fontID` with its CIDFont, descriptor, font file, CIDToGIDMap and
    /// ToUnicode CMap.
    public func write(into file: inout PDFFile, fontID: PDFObjectID) throws {
        // Used glyphs in CID order: first the glyph-id CIDs, then the extras (their own CIDs ascend too).
        var entries: [(cid: UInt16, glyph: UInt32, text: String?)] = []
        for gid in usedCID.indices where usedCID[gid] {
            entries.append((UInt16(gid), UInt32(gid), textOfCID[gid]))
        }
        for extra in extraGlyphs { entries.append((extra.cid, extra.glyph, extra.text)) }
        var glyphs = Set(entries.map(\.glyph))
        glyphs.insert(0)
        glyphs.formUnion(face.baseGlyphs)
        let sortedGlyphs = glyphs.sorted()
        let subset = try face.subset(glyphs: sortedGlyphs)
        var newGlyph: [UInt32: UInt32] = [:]
        for pair in subset.newGlyphIDs { newGlyph[pair.old] = pair.new }

        var tag = StableHash()
        tag.combine(face.metrics.postScriptName)
        for glyph in sortedGlyphs { tag.combine([UInt8(glyph >> 8 & 0xFF), UInt8(glyph & 0xFF)]) }
        let letters = tag.digest.prefix(6).map { Character(Unicode.Scalar(UInt8(65 + Int($0) % 26))) }
        let baseFont = String(letters) + "+" + face.metrics.postScriptName

        let descendantID = file.allocate()
        let descriptorID = file.allocate()
        let fontFileID = file.allocate()
        let cidMapID = file.allocate()
        let toUnicodeID = file.allocate()
        let m = face.metrics
        let scale = 1000 / Double(m.unitsPerEm)

        file.write(fontID, PDFType0Font(baseFont: baseFont, descendantFont: descendantID, toUnicode: toUnicodeID))

        // /W: runs of consecutive CIDs share one array (§9.7.4.3).
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
        file.write(descendantID, PDFCIDFont(baseFont: baseFont, descriptor: descriptorID,
                                            defaultWidth: Double(face.advance(of: 0)) * scale, widths: widths,
                                            cidToGIDMap: cidMapID))

        var flags: PDFFontDescriptor.Flags = .nonsymbolic
        if m.isItalic { flags.insert(.italic) }
        file.write(descriptorID, PDFFontDescriptor(
            fontName: baseFont, flags: flags,
            boundingBox: (Double(m.boundingBox.0) * scale, Double(m.boundingBox.1) * scale,
                          Double(m.boundingBox.2) * scale, Double(m.boundingBox.3) * scale),
            italicAngle: m.italicAngle, ascent: Double(m.ascender) * scale, descent: Double(m.descender) * scale,
            capHeight: Double(m.capHeight) * scale, stemV: m.isBold ? 140 : 80, fontFile2: fontFileID))

        let program = PDFFontFile2(programLength: subset.fontProgram.count)
        if file.compress {
            file.writeCompressedStream(fontFileID, program, payload: subset.compressedProgram)
        } else {
            file.writeStream(fontFileID, program, data: subset.fontProgram)
        }

        let maxCID = Int(entries.last?.cid ?? 0)
        var map = [UInt8](repeating: 0, count: (maxCID + 1) * 2)
        for entry in entries {
            let new = newGlyph[entry.glyph] ?? 0
            map[Int(entry.cid) * 2] = UInt8(new >> 8)
            map[Int(entry.cid) * 2 + 1] = UInt8(new & 0xFF)
        }
        file.writeStream(cidMapID, data: map)

        file.writeStream(toUnicodeID, data: ToUnicodeCMap.bytes(entries.compactMap { entry in
            entry.text.map { (entry.cid, $0) }
        }))
    }
}
