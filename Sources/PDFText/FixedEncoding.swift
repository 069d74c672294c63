public import PDFWriter

/// The codes of a shaped text whose glyphs all have CIDs fixed by the face (``CharacterCIDs``), which
/// are then the same in every document: made once when the text is shaped, so that a document only
/// merges its glyphs' usage (``EmbeddedFont/encode(_:)``).
public struct FixedEncoding: Sendable {
    /// One CID per glyph.
    let codes: [UInt16]
    /// The `TJ` adjustment before each code (thousandths of an em) reproducing HarfBuzz's advances.
    let adjustments: [Int]
    /// The glyphs used, as a document records them; nil when all are in the face's base repertoire,
    /// which every document starts with (nothing to merge).
    let usage: EmbeddedFont.Usage?

    /// The `TJ` operator of these codes, to keep with a line drawn again and again.
    public var glyphRun: GlyphRun { GlyphRun(codes, adjustments: adjustments) }

    /// The encoding of `glyphs` shaped with `face`; nil when a glyph has no fixed CID (a ligature, a
    /// character the face lacks drawn as "?"), whose code a document assigns.
    init?(face: FontFace, glyphs shaped: [ShapedGlyph]) {
        let fixed = face.characterCIDs
        let base = face.baseUsed
        var codes: [UInt16] = [], adjustments: [Int] = []
        codes.reserveCapacity(shaped.count)
        adjustments.reserveCapacity(shaped.count)
        var pending = 0
        // Whether the base repertoire covers every glyph (the usage is then nil, and not built).
        var isCovered = true
        for glyph in shaped {
            guard glyph.glyph < 0xFFFF else { return nil }
            let gid = UInt16(glyph.glyph)
            if glyph.text.isEmpty {
                codes.append(gid)
            } else {
                guard let cid = fixed.cid(glyph: glyph.glyph, text: glyph.text) else { return nil }
                if isCovered {
                    isCovered = cid == gid ? base.text[Int(gid)] != nil : base.shared.contains(cid)
                }
                codes.append(cid)
            }
            if isCovered { isCovered = base.isUsed[Int(gid)] }
            adjustments.append(pending)
            pending = EmbeddedFont.adjustment(after: glyph, face: face)
        }
        self.codes = codes
        self.adjustments = adjustments
        usage = isCovered ? nil : Self.usage(of: shaped, codes: codes)
    }

    /// The glyphs of `shaped` (encoded as `codes`) as a document records them.
    private static func usage(of shaped: [ShapedGlyph], codes: [UInt16]) -> EmbeddedFont.Usage {
        var glyphs: [UInt16] = [], characters: [UInt16] = [], shared: [UInt16] = []
        glyphs.reserveCapacity(shaped.count)
        for (glyph, code) in zip(shaped, codes) {
            let gid = UInt16(glyph.glyph)
            if !glyph.text.isEmpty {
                if code == gid { characters.append(gid) } else { shared.append(code) }
            }
            glyphs.append(gid)
        }
        return EmbeddedFont.Usage(glyphs: glyphs, characters: characters, shared: shared)
    }
}
