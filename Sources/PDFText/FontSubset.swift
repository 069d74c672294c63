internal import CHarfBuzz
import PDFWriter

/// A TrueType subset made with hb-subset: only the used glyphs (plus composite components and .notdef),
/// renumbered compactly, hinting dropped, layout tables dropped (the PDF carries positioned glyphs).
final class FontSubset: Sendable {
    /// The subset font program (`/FontFile2`).
    let fontProgram: [UInt8]
    /// The same, Flate-compressed at level 6, computed once per cached subset.
    let compressedProgram: [UInt8]
    /// Original glyph id -> subset glyph id, for the requested glyphs, sorted by original id.
    let newGlyphIDs: [(old: UInt32, new: UInt32)]

    init(face: FontFace, glyphs: [UInt32]) throws(FontError) {
        guard let input = hb_subset_input_create_or_fail() else { throw FontError("hb-subset: out of memory") }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)
        let dropTables = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "kern", "gasp", "DSIG", "hdmx", "VDMX", "LTSH", "BASE", "JSTF", "MATH"] {
            let c = Array(tag.utf8).map { CChar(bitPattern: $0) }
            hb_set_add(dropTables, CHarfBuzz_tag(c[0], c[1], c[2], c[3]))
        }
        guard let plan = hb_subset_plan_create_or_fail(face.hbFace, input) else {
            throw FontError("hb-subset could not plan a subset", path: face.path)
        }
        defer { hb_subset_plan_destroy(plan) }
        let mapping = hb_subset_plan_old_to_new_glyph_mapping(plan)
        var pairs: [(old: UInt32, new: UInt32)] = []
        for glyph in glyphs {
            let new = hb_map_get(mapping, glyph)
            guard new != UInt32.max else { throw FontError("glyph \(glyph) missing from subset", path: face.path) }
            pairs.append((glyph, new))
        }
        guard let subsetFace = hb_subset_plan_execute_or_fail(plan) else {
            throw FontError("hb-subset failed", path: face.path)
        }
        defer { hb_face_destroy(subsetFace) }
        let blob = hb_face_reference_blob(subsetFace)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let pointer = hb_blob_get_data(blob, &length), length > 0 else {
            throw FontError("hb-subset produced an empty font", path: face.path)
        }
        fontProgram = Array(UnsafeRawBufferPointer(start: pointer, count: Int(length)))
        compressedProgram = Flate.compress(fontProgram, level: 6)
        newGlyphIDs = pairs
    }
}
