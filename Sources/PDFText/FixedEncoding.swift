public import PDFWriter

/// The codes of a shaped text whose glyphs all have CIDs fixed by the face (``CharacterCIDs``), which
/// are then the same in every document: made once when the text is shaped, so that a document only
/// merges its glyphs' usage (``EmbeddedFont/encode(_:)``).
public struct FixedEncoding: Sendable {
    /// The `TJ` operator of the codes, formed once and kept with every line of the text drawn again and
    /// again; the codes themselves are not kept (``codes(face:glyphs:)`` forms them again when a
    /// justified line needs them).
    public let glyphRun: GlyphRun
    /// The glyphs used, as a document records them; nil when all are in the face's base repertoire,
    /// which every document starts with (nothing to merge).
    let usage: EmbeddedFont.Usage?

    /// The encoding of glyphs all in the face's base usage, whose run is formed already (``PairShaping``).
    init(glyphRun: GlyphRun) {
        self.glyphRun = glyphRun
        usage = nil
    }

    /// The encoding of `glyphs` shaped with `face`; nil when a glyph has no fixed CID (a ligature, a
    /// character the face lacks drawn as "?"), whose code a document assigns.
    init?(face: FontFace, glyphs shaped: [ShapedGlyph]) {
        let base = face.baseUsed
        var run = GlyphRun.Writer(capacity: shaped.count)
        // Whether the base repertoire covers every glyph (the usage is then nil, and not built).
        var isCovered = true
        let complete = Self.forEachCode(face: face, glyphs: shaped) { glyph, code, adjustment in
            run.append(code, adjustment: adjustment)
            let gid = UInt16(glyph.glyph)
            if isCovered, !glyph.text.isEmpty {
                isCovered = code == gid ? base.text[Int(gid)] != nil : base.shared.contains(code)
            }
            if isCovered { isCovered = base.isUsed[Int(gid)] }
        }
        guard complete else { return nil }
        glyphRun = run.finish()
        usage = isCovered ? nil : Self.codes(face: face, glyphs: shaped).map { Self.usage(of: shaped, codes: $0.codes) }
    }

    /// The fixed CID of each glyph of `shaped` and the `TJ` adjustment before it (thousandths of an em)
    /// reproducing HarfBuzz's advances; nil when a glyph has no fixed CID.
    static func codes(face: FontFace, glyphs shaped: [ShapedGlyph]) -> (codes: [UInt16], adjustments: [Int])? {
        var codes: [UInt16] = [], adjustments: [Int] = []
        codes.reserveCapacity(shaped.count)
        adjustments.reserveCapacity(shaped.count)
        let complete = forEachCode(face: face, glyphs: shaped) { _, code, adjustment in
            codes.append(code)
            adjustments.append(adjustment)
        }
        return complete ? (codes, adjustments) : nil
    }

    /// Calls `body` with each glyph of `shaped`, its fixed CID and the `TJ` adjustment before it, in
    /// order; false, stopping there, at the first glyph without a fixed CID.
    private static func forEachCode(face: FontFace, glyphs shaped: [ShapedGlyph],
                                    _ body: (_ glyph: ShapedGlyph, _ code: UInt16, _ adjustment: Int) -> Void) -> Bool {
        let fixed = face.characterCIDs
        var pending = 0
        for glyph in shaped {
            guard glyph.glyph < 0xFFFF else { return false }
            var code = UInt16(glyph.glyph)
            if !glyph.text.isEmpty {
                guard let cid = fixed.cid(glyph: glyph.glyph, text: glyph.text) else { return false }
                code = cid
            }
            body(glyph, code, pending)
            pending = EmbeddedFont.adjustment(after: glyph, face: face)
        }
        return true
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
