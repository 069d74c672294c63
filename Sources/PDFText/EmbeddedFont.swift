public import PDFWriter

/// A ``FontFace`` as used by one document: a composite `Type0` font with `Identity-H` encoding over a
/// subset `CIDFontType2` (ISO 32000-1 §9.7.4, §9.7.6), widths in `/W`, and a ToUnicode CMap (§9.10.3).
///
/// Codes are CIDs. A glyph standing for a character of the font's `cmap` has the CID the face fixes for
/// it (``CharacterCIDs``: its glyph id, or for the second character of a shared glyph, such as the
/// no-break space drawn with the space's glyph, a CID above the glyph count), the same in every document,
/// so a page's content stream can be copied from one document into another (``usage``, ``merge(_:)``).
/// Other meanings (ligatures, characters the font lacks drawn as "?") get CIDs per document: a glyph no
/// character maps to takes its glyph id for its first meaning, later meanings take CIDs from
/// ``CharacterCIDs/limit`` up, and the document's content then depends on it
/// (``isDocumentIndependent``). `/CIDToGIDMap` maps CIDs to the subset's glyph ids.
///
/// Every document starts with the face's base repertoire as used (``FontFace/baseUsed``): the receipts
/// of a run differ in their names and addresses, and this way they all share one subset and one set of
/// widths and maps (``FontTables``), made and compressed once, instead of each making its own.
///
/// Not thread-safe: one instance per document being built.
public final class EmbeddedFont: PDFFontResource {
    /// The glyphs a document used, as fixed CIDs (``EmbeddedFont/usage``): merged into another document
    /// that copies the first one's pages.
    public struct Usage: Sendable {
        /// Glyph ids used (CIDs below the glyph count).
        let glyphs: [UInt16]
        /// Of those, the ones used for their character (listed in ToUnicode).
        let characters: [UInt16]
        /// Fixed CIDs above the glyph count used.
        let shared: [UInt16]
    }

    /// The font.
    public let face: FontFace
    private var used: UsedCIDs
    private var extraCIDs: [String: UInt16] = [:]  // "gid:text" -> CID; looked up only, never iterated
    private var extraGlyphs: [(cid: UInt16, glyph: UInt32, text: String)] = []
    /// Whether every code written so far is a fixed CID of the face (no meaning numbered per document).
    public private(set) var isDocumentIndependent = true

    /// Starts an empty subset of `face`.
    public init(face: FontFace) {
        self.face = face
        used = face.baseUsed
    }

    /// Records the glyphs of `shaped` as used when its codes are fixed (``ShapedText/fixedEncoding``), so
    /// that its ``FixedEncoding/glyphRun`` can be drawn; false, recording nothing, otherwise (``encode(_:)``).
    public func recordUsage(of shaped: ShapedText) -> Bool {
        precondition(shaped.face === face, "text shaped with another font")
        guard let fixed = shaped.fixedEncoding else { return false }
        if let usage = fixed.usage { merge(usage) }
        return true
    }

    /// Records the glyphs of `shaped` as used and returns their codes and `TJ` adjustments
    /// (thousandths of an em, written before each code) reproducing HarfBuzz's advances.
    public func encode(_ shaped: ShapedText) -> (codes: [UInt16], adjustments: [Int]) {
        precondition(shaped.face === face, "text shaped with another font")
        if let fixed = shaped.fixedEncoding, let encoded = FixedEncoding.codes(face: face, glyphs: shaped.glyphs) {
            if let usage = fixed.usage { merge(usage) }
            return encoded
        }
        var codes: [UInt16] = []
        var adjustments: [Int] = []
        codes.reserveCapacity(shaped.glyphs.count)
        adjustments.reserveCapacity(shaped.glyphs.count)
        var pending = 0
        for glyph in shaped.glyphs {
            codes.append(cid(for: glyph))
            adjustments.append(pending)
            pending = Self.adjustment(after: glyph, face: face)
        }
        return (codes, adjustments)
    }

    /// The `TJ` adjustment after `glyph` (thousandths of an em, rounded half away from zero) that turns
    /// its `hmtx` width into the advance HarfBuzz chose.
    static func adjustment(after glyph: ShapedGlyph, face: FontFace) -> Int {
        let delta = Int(glyph.advance) - face.advance(of: glyph.glyph)
        let unitsPerEm = face.metrics.unitsPerEm
        return delta == 0 ? 0 : -((delta * 1000 + (delta > 0 ? unitsPerEm / 2 : -unitsPerEm / 2)) / unitsPerEm)
    }

    private func cid(for glyph: ShapedGlyph) -> UInt16 {
        let gid = Int(glyph.glyph)
        precondition(gid < used.isUsed.count && gid < 0xFFFF)
        used.isUsed[gid] = true
        if glyph.text.isEmpty { return UInt16(gid) }
        let fixed = face.characterCIDs
        if let cid = fixed.cid(glyph: glyph.glyph, text: glyph.text) {
            if Int(cid) == gid {
                if used.text[gid] == nil { used.text[gid] = glyph.text }
            } else {
                used.shared.insert(cid)
            }
            return cid
        }
        isDocumentIndependent = false
        if !fixed.hasCharacter(glyph.glyph) {
            guard let existing = used.text[gid] else {
                used.text[gid] = glyph.text
                return UInt16(gid)
            }
            if existing.hasSameUTF8(as: glyph.text) { return UInt16(gid) }
        }
        let key = "\(gid):\(glyph.text)"
        if let cid = extraCIDs[key] { return cid }
        let cid = fixed.limit + extraGlyphs.count
        precondition(cid < 0xFFFF, "too many distinct glyph meanings")
        extraCIDs[key] = UInt16(cid)
        extraGlyphs.append((UInt16(cid), glyph.glyph, glyph.text))
        return UInt16(cid)
    }

    /// The glyphs used so far, for a document that copies this one's pages (``merge(_:)``); nil unless
    /// ``isDocumentIndependent``.
    public var usage: Usage? {
        guard isDocumentIndependent else { return nil }
        var glyphs: [UInt16] = []
        var characters: [UInt16] = []
        for gid in used.isUsed.indices where used.isUsed[gid] {
            glyphs.append(UInt16(gid))
            if used.text[gid] != nil { characters.append(UInt16(gid)) }
        }
        return Usage(glyphs: glyphs, characters: characters, shared: used.shared.sorted())
    }

    /// Records the glyphs another document of the same face used (its ``usage``) as used here, as if its
    /// text had been encoded here: its content streams can then be written into this document.
    public func merge(_ usage: Usage) { used.merge(usage, cids: face.characterCIDs) }

    /// Writes the Type0 font as `fontID` with its CIDFont, descriptor, font file, CIDToGIDMap and
    /// ToUnicode CMap.
    public func write(into file: inout PDFFile, fontID: PDFObjectID) throws {
        let tables = try isDocumentIndependent ? face.tables(for: tablesKey) { () throws(FontError) in try makeTables() } : makeTables()
        let descendantID = file.allocate()
        let descriptorID = file.allocate()
        let fontFileID = file.allocate()
        let cidMapID = file.allocate()
        let toUnicodeID = file.allocate()
        let m = face.metrics
        let scale = 1000 / Double(m.unitsPerEm)

        file.write(fontID, PDFType0Font(baseFont: tables.baseFont, descendantFont: descendantID, toUnicode: toUnicodeID))
        file.write(descendantID, PDFCIDFont(baseFont: tables.baseFont, descriptor: descriptorID,
                                            defaultWidth: Double(face.advance(of: 0)) * scale, widths: tables.widths,
                                            cidToGIDMap: cidMapID))
        var flags: PDFFontDescriptor.Flags = .nonsymbolic
        if m.isItalic { flags.insert(.italic) }
        file.write(descriptorID, PDFFontDescriptor(
            fontName: tables.baseFont, flags: flags,
            boundingBox: (Double(m.boundingBox.0) * scale, Double(m.boundingBox.1) * scale,
                          Double(m.boundingBox.2) * scale, Double(m.boundingBox.3) * scale),
            italicAngle: m.italicAngle, ascent: Double(m.ascender) * scale, descent: Double(m.descender) * scale,
            capHeight: Double(m.capHeight) * scale, stemV: m.isBold ? 140 : 80, fontFile2: fontFileID))

        let program = PDFFontFile2(programLength: tables.subset.fontProgram.count)
        if file.compress {
            file.writeCompressedStream(fontFileID, program, payload: tables.subset.compressedProgram)
            file.writeCompressedStream(cidMapID, payload: tables.compressedCIDToGIDMap)
            file.writeCompressedStream(toUnicodeID, payload: tables.compressedToUnicode)
        } else {
            file.writeStream(fontFileID, program, data: tables.subset.fontProgram)
            file.writeStream(cidMapID, data: tables.cidToGIDMap)
            file.writeStream(toUnicodeID, data: tables.toUnicode)
        }
    }

    /// The used glyphs as a ``FontTables/Key`` (meaningful when ``isDocumentIndependent``).
    private var tablesKey: FontTables.Key {
        var glyphs = [UInt64](repeating: 0, count: (used.isUsed.count + 63) / 64)
        var characters = glyphs
        for gid in used.isUsed.indices where used.isUsed[gid] {
            glyphs[gid >> 6] |= 1 << UInt64(gid & 63)
            if used.text[gid] != nil { characters[gid >> 6] |= 1 << UInt64(gid & 63) }
        }
        return FontTables.Key(glyphs: glyphs, characters: characters, shared: used.shared.sorted())
    }

    /// The tables of the used glyphs in CID order: the glyph-id CIDs, the fixed shared ones, then the
    /// per-document extras.
    private func makeTables() throws(FontError) -> FontTables {
        var entries: [FontTables.Entry] = []
        for gid in used.isUsed.indices where used.isUsed[gid] {
            entries.append((UInt16(gid), UInt32(gid), used.text[gid]))
        }
        for cid in used.shared.sorted() {
            if let meaning = face.characterCIDs.meaning(of: cid) { entries.append((cid, meaning.glyph, meaning.text)) }
        }
        for extra in extraGlyphs { entries.append((extra.cid, extra.glyph, extra.text)) }
        return try FontTables(face: face, entries: entries)
    }
}
