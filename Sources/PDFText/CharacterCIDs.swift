internal import CHarfBuzz

/// The fixed CIDs of a font's characters: every character of the `cmap` gets the same CID in every
/// document, so a page's content stream is the same bytes whichever document it is written into.
///
/// A glyph's CID is its glyph id when it stands for the smallest character mapped to it; fonts also map
/// other characters to the same glyph (the no-break space to the space's glyph, for example), and those
/// get CIDs from the glyph count upwards, in character order, so that the ToUnicode CMap can tell them
/// apart. ``limit`` is the first CID not fixed here (``EmbeddedFont`` gives its other meanings, such as
/// ligatures or characters drawn as "?", CIDs from there on, per document).
public struct CharacterCIDs: Sendable {
    /// The smallest character mapped to each glyph id; `UInt32.max` for glyphs no character maps to.
    private let primary: [UInt32]
    /// The characters of the CIDs from the glyph count on (`cid - glyphCount` indexes), and their glyphs.
    private let shared: [(scalar: UInt32, glyph: UInt32)]
    /// CIDs of the characters in ``shared``.
    private let sharedCID: [UInt32: UInt16]
    private let glyphCount: Int

    /// The first CID not fixed by the font's characters.
    public var limit: Int { glyphCount + shared.count }

    init(hbFace: OpaquePointer, hbFont: OpaquePointer, glyphCount: Int) {
        self.glyphCount = glyphCount
        var primary = [UInt32](repeating: UInt32.max, count: glyphCount)
        var shared: [(scalar: UInt32, glyph: UInt32)] = []
        var sharedCID: [UInt32: UInt16] = [:]
        let set = hb_set_create()
        defer { hb_set_destroy(set) }
        hb_face_collect_unicodes(hbFace, set)
        var scalar = UInt32.max  // HB_SET_VALUE_INVALID: start of the iteration
        while hb_set_next(set, &scalar) != 0 {
            var glyph: hb_codepoint_t = 0
            guard hb_font_get_nominal_glyph(hbFont, scalar, &glyph) != 0, Int(glyph) < glyphCount else { continue }
            if primary[Int(glyph)] == UInt32.max {
                primary[Int(glyph)] = scalar
            } else if glyphCount + shared.count < 0xFFFF {
                sharedCID[scalar] = UInt16(glyphCount + shared.count)
                shared.append((scalar, glyph))
            }
        }
        self.primary = primary
        self.shared = shared
        self.sharedCID = sharedCID
    }

    /// Whether some character maps to `glyph` (its glyph id is then reserved for that character).
    public func hasCharacter(_ glyph: UInt32) -> Bool { Int(glyph) < primary.count && primary[Int(glyph)] != UInt32.max }

    /// The fixed CID of `glyph` standing for `text`, when `text` is one character that the font maps to
    /// `glyph`; nil otherwise.
    public func cid(glyph: UInt32, text: String) -> UInt16? {
        var scalars = text.unicodeScalars.makeIterator()
        guard let scalar = scalars.next(), scalars.next() == nil, Int(glyph) < primary.count else { return nil }
        if primary[Int(glyph)] == scalar.value { return UInt16(glyph) }
        guard let cid = sharedCID[scalar.value], shared[Int(cid) - glyphCount].glyph == glyph else { return nil }
        return cid
    }

    /// The glyph and text of a fixed CID (below ``limit``), or nil for a glyph id no character maps to.
    public func meaning(of cid: UInt16) -> (glyph: UInt32, text: String)? {
        let index = Int(cid)
        if index < glyphCount {
            guard let scalar = Unicode.Scalar(primary[index]) else { return nil }
            return (UInt32(index), String(Character(scalar)))
        }
        guard index < limit, let scalar = Unicode.Scalar(shared[index - glyphCount].scalar) else { return nil }
        return (shared[index - glyphCount].glyph, String(Character(scalar)))
    }
}
