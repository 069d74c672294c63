internal import CHarfBuzz
import PDFWriter

/// How a face shapes texts made only of characters of ``FontFace/baseRepertoire`` that no substitution
/// touches: each character its own glyph, advanced by its width alone plus a kerning that depends only
/// on the next character (OpenType pair positioning). A receipt's own texts that are not plain numbers
/// (a consumption with its unit, a meter number, the document's heading with its number) are shaped
/// here from tables instead of by a HarfBuzz call, with the same glyphs, advances and texts
/// (``FontFace/shape(_:)``), and their `TJ` run formed from each character's fixed CID and each pair's
/// adjustment, found once with the tables.
///
/// Learnt from HarfBuzz once per face, for texts of no script (digits, punctuation), Latin and Cyrillic:
/// - the characters: those the face maps whose glyphs no GSUB lookup of those scripts' shaping plans
///   substitutes or substitutes with (a lookup whose input glyphs are all left out never applies;
///   the fraction features apply only around a fraction slash, which is not among the characters);
/// - each one's advance shaped alone, and the kerning of every ordered pair from one text holding
///   them all;
/// - then a text holding every pair between other neighbours, shaped in each script, must come out
///   glyph for glyph as the tables predict; anything else (a kerning that depends on more than the
///   next character, or moves the next one) leaves the face to HarfBuzz.
final class PairShaping: Sendable {
    /// Per scalar value below its count: the character's index in the tables below, or -1.
    private let slots: [Int16]
    private let glyphs: [UInt32]
    private let advances: [Int32]
    /// `kerning[first * count + second]`: added to the first's advance when the second follows it.
    private let kerning: [Int32]
    private let texts: [String]
    /// The fixed CIDs of the characters (``CharacterCIDs``); nil when one has none or lies outside the
    /// face's base usage, so that a text's ``FixedEncoding`` is then formed glyph by glyph.
    private let codes: [UInt16]?
    /// `adjustments[first * count + second]`: the `TJ` adjustment before the second when it follows the
    /// first (``EmbeddedFont/adjustment(after:face:)`` of the first's kerned advance).
    private let adjustments: [Int32]

    /// Learns the pair shaping of `face`; nil when its shaping is not as described above.
    init?(face: FontFace) {
        let scripts: [hb_script_t] = [HB_SCRIPT_INVALID, HB_SCRIPT_LATIN, HB_SCRIPT_CYRILLIC]
        // The glyphs a substitution of the plans changes (its input and output; a glyph it only looks
        // at around them changes nothing when no input glyph is there).
        let touched = hb_set_create(), context = hb_set_create()
        defer {
            hb_set_destroy(touched)
            hb_set_destroy(context)
        }
        func tag(_ name: String) -> hb_tag_t { name.utf8.reduce(0) { $0 << 8 | hb_tag_t($1) } }
        let gsub = tag("GSUB")
        // HarfBuzz applies the fraction features only around a fraction slash (U+2044), which no learnt
        // text has: their lookups are in every plan, and left out here unless another feature uses them.
        let fractionTags = [tag("frac"), tag("numr"), tag("dnom")]
        var featureCount = hb_ot_layout_table_get_feature_tags(face.hbFace, gsub, 0, nil, nil)
        var featureTags = [hb_tag_t](repeating: 0, count: Int(featureCount))
        hb_ot_layout_table_get_feature_tags(face.hbFace, gsub, 0, &featureCount, &featureTags)
        let fractions = hb_set_create(), others = hb_set_create()
        defer {
            hb_set_destroy(fractions)
            hb_set_destroy(others)
        }
        hb_ot_layout_collect_lookups(face.hbFace, gsub, nil, nil, fractionTags + [0], fractions)
        hb_ot_layout_collect_lookups(face.hbFace, gsub, nil, nil, featureTags.filter { !fractionTags.contains($0) } + [0], others)
        hb_set_subtract(fractions, others)
        for script in scripts {
            var properties = hb_segment_properties_t(direction: HB_DIRECTION_LTR, script: script,
                                                     language: hb_language_get_default(), reserved1: nil, reserved2: nil)
            let plan = hb_shape_plan_create_cached(face.hbFace, &properties, nil, 0, nil)
            let lookups = hb_set_create()
            hb_ot_shape_plan_collect_lookups(plan, gsub, lookups)
            hb_set_subtract(lookups, fractions)
            var lookup = hb_codepoint_t.max  // HB_SET_VALUE_INVALID: start before the first
            while hb_set_next(lookups, &lookup) != 0 {
                hb_ot_layout_lookup_collect_glyphs(face.hbFace, gsub, lookup, context, touched, context, touched)
            }
            hb_set_destroy(lookups)
            hb_shape_plan_destroy(plan)
        }
        var characters: [(scalar: Unicode.Scalar, glyph: UInt32, advance: Int32)] = []
        for scalar in FontFace.baseRepertoire {
            guard let glyph = face.glyph(for: scalar), glyph != 0, hb_set_has(touched, glyph) == 0 else { continue }
            let alone = face.glyphPositions([scalar])
            guard alone.count == 1, alone[0].glyph == glyph, alone[0].cluster == 0 else { continue }
            characters.append((scalar, glyph, alone[0].advance))
        }
        let count = characters.count
        guard count > 0, count < Int(Int16.max) else { return nil }
        /// Whether `indices` shaped in `script` give one glyph per character, each with its own cluster.
        func shapedOneByOne(_ indices: [Int], script: hb_script_t?) -> [Int32]? {
            let shaped = face.glyphPositions(indices.map { characters[$0].scalar }, script: script)
            guard shaped.count == indices.count else { return nil }
            var offset = 0
            for (position, index) in indices.enumerated() {
                guard shaped[position].glyph == characters[index].glyph, shaped[position].cluster == offset else { return nil }
                offset += characters[index].scalar.utf8.count
            }
            return shaped.map(\.advance)
        }
        // Every ordered pair side by side: "a b" for each first a and second b.
        let pairs = (0..<count).flatMap { first in (0..<count).flatMap { [first, $0] } }
        guard let learnt = shapedOneByOne(pairs, script: HB_SCRIPT_CYRILLIC) else { return nil }
        var kerning = [Int32](repeating: 0, count: count * count)
        for position in stride(from: 0, to: pairs.count, by: 2) {
            kerning[pairs[position] * count + pairs[position + 1]] = learnt[position] &- characters[pairs[position]].advance
        }
        // Every pair again, each after other neighbours, in each script (with none, only the characters
        // of no script: a text with a letter has the letter's script).
        for script in scripts {
            let own = script == HB_SCRIPT_INVALID
                ? (0..<count).filter { Self.hasNoScript(characters[$0].scalar) } : Array(0..<count)
            let check = own.reversed().flatMap { second in own.flatMap { [$0, second] } }
            guard !check.isEmpty else { continue }
            guard let advances = shapedOneByOne(check, script: script == HB_SCRIPT_INVALID ? nil : script) else { return nil }
            for (position, index) in check.enumerated() {
                let kern = position + 1 < check.count ? kerning[index * count + check[position + 1]] : 0
                guard advances[position] == characters[index].advance &+ kern else { return nil }
            }
        }
        let largest = Int(characters.map(\.scalar.value).max() ?? 0)
        var slots = [Int16](repeating: -1, count: largest + 1)
        for (index, character) in characters.enumerated() { slots[Int(character.scalar.value)] = Int16(index) }
        self.slots = slots
        glyphs = characters.map(\.glyph)
        advances = characters.map(\.advance)
        self.kerning = kerning
        texts = characters.map { String(Character($0.scalar)) }
        let base = face.baseUsed
        let fixed = zip(characters, texts).compactMap { character, text -> UInt16? in
            let gid = Int(character.glyph)
            guard let code = face.characterCIDs.cid(glyph: character.glyph, text: text), base.isUsed[gid],
                  Int(code) == gid ? base.text[gid] != nil : base.shared.contains(code) else { return nil }
            return code
        }
        codes = fixed.count == count ? fixed : nil
        adjustments = (0..<count * count).map { pair in
            let first = characters[pair / count]
            let kerned = ShapedGlyph(glyph: first.glyph, advance: first.advance &+ kerning[pair], text: "")
            return Int32(EmbeddedFont.adjustment(after: kerned, face: face))
        }
    }

    /// Whether texts' `TJ` runs are formed from the tables (every learnt character has a fixed CID in
    /// the face's base usage).
    var formsRunsFromTables: Bool { codes != nil }

    /// `text` shaped from the tables, with its ``FixedEncoding`` formed from them when every character
    /// has a fixed CID in the face's base usage; nil when a character is not learnt (and for the empty
    /// text).
    func shape(_ text: String, face: FontFace) -> ShapedText? {
        let count = glyphs.count
        var shaped: [ShapedGlyph] = []
        shaped.reserveCapacity(text.utf8.count)
        var run: GlyphRun.Writer? = codes == nil ? nil : GlyphRun.Writer(capacity: text.utf8.count)
        var previous = -1, total = 0
        for scalar in text.unicodeScalars {
            guard Int(scalar.value) < slots.count, case let slot = Int(slots[Int(scalar.value)]), slot >= 0 else { return nil }
            if previous >= 0 {
                let glyph = glyph(previous, before: slot)
                total += Int(glyph.advance)
                shaped.append(glyph)
            }
            if let codes {
                run?.append(codes[slot], adjustment: previous >= 0 ? Int(adjustments[previous * count + slot]) : 0)
            }
            previous = slot
        }
        guard previous >= 0 else { return nil }
        let last = glyph(previous, before: nil)
        shaped.append(last)
        total += Int(last.advance)
        let encoding = if let run { FixedEncoding(glyphRun: run.finish()) } else { FixedEncoding(face: face, glyphs: shaped) }
        return ShapedText(face: face, text: text, glyphs: shaped, advance: total, fixedEncoding: encoding)
    }

    /// Whether HarfBuzz gives `scalar` no script of its own (Common, Inherited or Unknown).
    private static func hasNoScript(_ scalar: Unicode.Scalar) -> Bool {
        let script = hb_unicode_script(hb_unicode_funcs_get_default(), scalar.value)
        return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN
    }

    private func glyph(_ index: Int, before next: Int?) -> ShapedGlyph {
        let kern = next.map { kerning[index * glyphs.count + $0] } ?? 0
        return ShapedGlyph(glyph: glyphs[index], advance: advances[index] &+ kern, text: texts[index])
    }
}
