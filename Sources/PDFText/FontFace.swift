internal import CFreeType
internal import CHarfBuzz
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TrueType font file loaded once and shared: FreeType gives the metrics, HarfBuzz shapes text.
///
/// Thread safety: after `init` nothing mutates the FreeType face or the HarfBuzz font (HarfBuzz objects
/// are immutable and safe to shape with from many threads); the subset cache is behind a `Mutex`.
/// That is why this class is `@unchecked Sendable`.
public final class FontFace: @unchecked Sendable {
    /// The file the font came from.
    public let path: String
    /// Font-wide metrics.
    public let metrics: FontMetrics

    private let fontData: UnsafeMutableRawBufferPointer
    private let library: FT_Library
    private let face: FT_Face
    let hbBlob: OpaquePointer
    let hbFace: OpaquePointer
    let hbFont: OpaquePointer
    /// The characters of ``baseRepertoire`` that the font has, as the glyphs and fixed CIDs a document
    /// uses for them: every ``EmbeddedFont`` starts with them, so documents whose text stays within the
    /// repertoire share one subset and one set of font tables (``FontTables``).
    let baseUsed: EmbeddedFont.UsedCIDs
    /// The CIDs every document gives a glyph standing for one character of the font's `cmap`
    /// (``EmbeddedFont``), so that a page's content stream does not depend on its document.
    public let characterCIDs: CharacterCIDs
    private let subsets = Mutex<[[UInt32]: FontSubset]>([:])
    private let tables = Mutex<[FontTables.Key: FontTables]>([:])
    private let learntNumberShaping = Mutex<NumberShaping?>(nil)
    private let learntPairShaping = Mutex<PairShaping??>(nil)

    /// Loads a TrueType (`glyf`) font file.
    public init(path: String) throws(FontError) {
        self.path = path
        guard let handle = fopen(path, "rb") else { throw FontError("cannot open the font file", path: path, reason: .cannotOpen) }
        defer { fclose(handle) }
        fseek(handle, 0, SEEK_END)
        let size = ftell(handle)
        fseek(handle, 0, SEEK_SET)
        guard size > 12 else { throw FontError("the font file is empty", path: path, reason: .empty) }
        let data = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        guard fread(data.baseAddress, 1, size, handle) == size else {
            data.deallocate()
            throw FontError("cannot read the font file", path: path, reason: .cannotRead)
        }
        fontData = data

        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            data.deallocate()
            throw FontError("FreeType failed to initialise")
        }
        var face: FT_Face?
        guard FT_New_Memory_Face(library, data.baseAddress!.assumingMemoryBound(to: FT_Byte.self), size, 0, &face) == 0,
              let face else {
            FT_Done_FreeType(library)
            data.deallocate()
            throw FontError("FreeType cannot read this font", path: path, reason: .notAFont)
        }
        self.library = library
        self.face = face

        let record = face.pointee
        let os2 = FT_Get_Sfnt_Table(face, FT_SFNT_OS2)?.assumingMemoryBound(to: TT_OS2.self).pointee
        let post = FT_Get_Sfnt_Table(face, FT_SFNT_POST)?.assumingMemoryBound(to: TT_Postscript.self).pointee
        let psName = FT_Get_Postscript_Name(face).map { String(cString: $0) } ?? "Font"
        metrics = FontMetrics(
            unitsPerEm: Int(record.units_per_EM),
            ascender: Int(record.ascender),
            descender: Int(record.descender),
            lineGap: Int(record.height),
            capHeight: Int(os2?.sCapHeight ?? Int16(record.ascender)),
            boundingBox: (Int(record.bbox.xMin), Int(record.bbox.yMin), Int(record.bbox.xMax), Int(record.bbox.yMax)),
            italicAngle: post.map { Double($0.italicAngle) / 65536 } ?? 0,
            isBold: record.style_flags & FT_Long(FT_STYLE_FLAG_BOLD) != 0,
            isItalic: record.style_flags & FT_Long(FT_STYLE_FLAG_ITALIC) != 0,
            glyphCount: Int(record.num_glyphs),
            postScriptName: psName)
        guard FT_Get_Sfnt_Table(face, FT_SFNT_HEAD) != nil, record.face_flags & FT_Long(FT_FACE_FLAG_SFNT) != 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            data.deallocate()
            throw FontError("not a TrueType/OpenType font", path: path, reason: .notAFont)
        }

        hbBlob = hb_blob_create(data.baseAddress!.assumingMemoryBound(to: CChar.self), UInt32(size),
                                HB_MEMORY_MODE_READONLY, nil, nil)
        hbFace = hb_face_create(hbBlob, 0)
        hb_face_make_immutable(hbFace)
        hbFont = hb_font_create(hbFace)
        hb_font_make_immutable(hbFont)
        let characterCIDs = CharacterCIDs(hbFace: hbFace, hbFont: hbFont, glyphCount: Int(record.num_glyphs))
        self.characterCIDs = characterCIDs
        var glyphs: Set<UInt16> = [], characters: Set<UInt16> = [], shared: Set<UInt16> = []
        for scalar in Self.baseRepertoire {
            var glyph: hb_codepoint_t = 0
            guard hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0,
                  let cid = characterCIDs.cid(glyph: glyph, text: String(Character(scalar))) else { continue }
            glyphs.insert(UInt16(glyph))
            if UInt32(cid) == glyph { characters.insert(cid) } else { shared.insert(cid) }
        }
        var baseUsed = EmbeddedFont.UsedCIDs(glyphCount: Int(record.num_glyphs))
        baseUsed.merge(EmbeddedFont.Usage(glyphs: glyphs.sorted(), characters: characters.sorted(), shared: shared.sorted()),
                       cids: characterCIDs)
        self.baseUsed = baseUsed
        // CIDFontType2 embeds TrueType outlines (`glyf`); CFF-flavoured OpenType would need FontFile3.
        let glyf = hb_face_reference_table(hbFace, CHarfBuzz_tag(0x67, 0x6C, 0x79, 0x66))
        let hasGlyf = hb_blob_get_length(glyf) > 0
        hb_blob_destroy(glyf)
        guard hasGlyf else {
            throw FontError("only TrueType outlines (a glyf table) are supported; use a .ttf font", path: path,
                             reason: .notTrueTypeOutlines)
        }
    }

    deinit {
        hb_font_destroy(hbFont)
        hb_face_destroy(hbFace)
        hb_blob_destroy(hbBlob)
        FT_Done_Face(face)
        FT_Done_FreeType(library)
        fontData.deallocate()
    }

    /// The characters of Russian business documents: Basic Latin, the Russian alphabet, the no-break
    /// space, guillemets, dashes, the numero sign, degree, superscripts two and three (м², м³) and the
    /// middle dot.
    public static let baseRepertoire: [Unicode.Scalar] = {
        var scalars = (0x20...0x7E).compactMap(Unicode.Scalar.init(_:))
        scalars += (0x410...0x44F).compactMap(Unicode.Scalar.init(_:))
        scalars += [0x401, 0x451, 0xA0, 0xAB, 0xBB, 0xB0, 0xB2, 0xB3, 0xB7, 0x2013, 0x2014, 0x2116].compactMap(Unicode.Scalar.init(_:))
        return scalars
    }()

    /// How the face shapes numbers (``NumberShaping``), learnt on first use.
    var numberShaping: NumberShaping {
        learntNumberShaping.withLock { learnt in
            if let learnt { return learnt }
            let shaping = NumberShaping(face: self)
            learnt = shaping
            return shaping
        }
    }

    /// How the face shapes texts of characters kerned pair by pair (``PairShaping``), learnt on first
    /// use; nil when its shaping is not that simple.
    var pairShaping: PairShaping? {
        learntPairShaping.withLock { learnt in
            if let learnt { return learnt }
            let shaping = PairShaping(face: self)
            learnt = .some(shaping)
            return shaping
        }
    }

    /// The horizontal advance of `glyph` in font units (the `hmtx` width).
    public func advance(of glyph: UInt32) -> Int {
        Int(hb_font_get_glyph_h_advance(hbFont, glyph))
    }

    /// The glyph for a Unicode scalar, if the font maps it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var glyph: hb_codepoint_t = 0
        return hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0 ? glyph : nil
    }

    /// The font tables of a document-independent set of used glyphs, made once per set (``FontTables``).
    func tables(for key: FontTables.Key, make: () throws(FontError) -> FontTables) throws(FontError) -> FontTables {
        if let cached = tables.withLock({ $0[key] }) { return cached }
        let made = try make()
        tables.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[key] = made
        }
        return made
    }

    /// A subset keeping `glyphs` (sorted, unique, including 0), cached per glyph set.
    func subset(glyphs: [UInt32]) throws(FontError) -> FontSubset {
        if let cached = subsets.withLock({ $0[glyphs] }) { return cached }
        let subset = try FontSubset(face: self, glyphs: glyphs)
        subsets.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }
            cache[glyphs] = subset
        }
        return subset
    }
}
