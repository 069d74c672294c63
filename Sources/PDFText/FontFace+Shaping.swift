internal import CHarfBuzz

extension FontFace {
    /// The glyph drawn for characters the font does not have: "?" (never .notdef).
    var replacementGlyph: UInt32? { glyph(for: "?") }

    /// Shapes `text` left to right with the font's default features (kerning, standard ligatures).
    ///
    /// Each glyph records the text of its cluster (first glyph only), so a ligature such as "fi" maps back
    /// to both letters in the ToUnicode CMap. Characters missing from the font become "?" glyphs that
    /// still carry their own text. A text made only of characters the face shapes one by one, kerned
    /// pair by pair (``PairShaping``; numbers, amounts, dates: ``NumberShaping``, for a face whose
    /// shaping is not that simple throughout), is shaped from tables, with the same result as HarfBuzz.
    /// - Complexity: O(n) in the text length.
    public func shape(_ text: String) -> ShapedText {
        if let pairs = pairShaping {
            return pairs.shape(text, face: self) ?? shapeWithHarfBuzz(text)
        }
        if let glyphs = numberShaping.glyphs(text) {
            return ShapedText(face: self, text: text, glyphs: glyphs, advance: glyphs.reduce(0) { $0 + Int($1.advance) },
                              fixedEncoding: FixedEncoding(face: self, glyphs: glyphs))
        }
        return shapeWithHarfBuzz(text)
    }

    /// ``shape(_:)`` through HarfBuzz, whatever the text.
    func shapeWithHarfBuzz(_ text: String) -> ShapedText {
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        let utf8 = Array(text.utf8)
        harfBuzzShape(utf8, in: buffer)

        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count), count > 0
        else { return ShapedText(face: self, text: text, glyphs: [], advance: 0, fixedEncoding: FixedEncoding(face: self, glyphs: [])) }
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        var total = 0
        for i in 0..<Int(count) {
            let cluster = Int(infos[i].cluster)
            let isFirst = i == 0 || infos[i - 1].cluster != infos[i].cluster
            var glyphText = ""
            if isFirst {
                var end = utf8.count
                var j = i + 1
                while j < Int(count) {
                    if infos[j].cluster != infos[i].cluster { end = Int(infos[j].cluster); break }
                    j += 1
                }
                if end < cluster { end = utf8.count }
                glyphText = String(decoding: utf8[cluster..<end], as: UTF8.self)
            }
            var glyph = infos[i].codepoint
            var advance = positions[i].x_advance
            // PDF/A forbids showing .notdef (ISO 19005-2 §6.2.11.8): a character the font lacks is drawn
            // as "?" but keeps its own text in the ToUnicode map, so extraction still returns it.
            if glyph == 0, let replacement = replacementGlyph {
                glyph = replacement
                advance = Int32(self.advance(of: replacement))
            }
            total += Int(advance)
            glyphs.append(ShapedGlyph(glyph: glyph, advance: advance, text: glyphText))
        }
        return ShapedText(face: self, text: text, glyphs: glyphs, advance: total, fixedEncoding: FixedEncoding(face: self, glyphs: glyphs))
    }

    /// `scalars` shaped through HarfBuzz in `script` (nil: guessed from the text), as each glyph's id,
    /// advance and cluster: what ``NumberShaping`` and ``PairShaping`` learn from.
    func glyphPositions(_ scalars: [Unicode.Scalar], script: hb_script_t? = nil) -> [(glyph: UInt32, advance: Int32, cluster: Int)] {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        if let script { hb_buffer_set_script(buffer, script) }
        harfBuzzShape(Array(text.utf8), in: buffer)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        return (0..<Int(count)).map { (infos[$0].codepoint, positions[$0].x_advance, Int(infos[$0].cluster)) }
    }

    /// Shapes `utf8` into the empty `buffer`, left to right, with the default features.
    func harfBuzzShape(_ utf8: [UInt8], in buffer: OpaquePointer?) {
        utf8.withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) {
                hb_buffer_add_utf8(buffer, $0.baseAddress, Int32($0.count), 0, Int32($0.count))
            }
        }
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_buffer_guess_segment_properties(buffer)
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_shape(hbFont, buffer, nil, 0)
    }
}
