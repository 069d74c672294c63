/// How a face shapes the characters numbers, amounts, readings and dates are written with, when it
/// shapes them one by one: each character its own glyph, advanced by its own width plus a kerning that
/// depends only on the next character. A receipt draws dozens of such texts that no other receipt
/// has; shaping them here costs a table lookup per character instead of a HarfBuzz call, with the same
/// glyphs, advances and texts (``FontFace/shape(_:)``).
///
/// Learnt from HarfBuzz when first needed: every candidate alone (its glyph and advance), every pair (the
/// kerning), then every triple, which must come out as the pairs predict. A candidate that takes part in
/// any other result (a ligature, a contextual form, a kerning that depends on more than the next
/// character) is left out, so texts containing it go to HarfBuzz. Longer texts are taken to follow the
/// same pairwise rule, as OpenType pair kerning does.
final class NumberShaping: Sendable {
    /// The characters considered: digits, spaces (the no-break space groups thousands) and the
    /// punctuation of numbers and dates.
    static let candidates: [Unicode.Scalar] = Array("0123456789 ,.-:/".unicodeScalars) + ["\u{A0}"]

    /// Per scalar value below 256: the index of the character in the tables below, or -1.
    private let slots: [Int8]
    private let glyphs: [UInt32]
    private let advances: [Int32]
    /// `kerning[first * count + second]`: added to the first's advance when the second follows it.
    private let kerning: [Int32]
    private let texts: [String]

    /// Learns the shaping of ``candidates`` in `face`.
    init(face: FontFace) {
        var singles: [(scalar: Unicode.Scalar, glyph: UInt32, advance: Int32)] = []
        for scalar in Self.candidates {
            let shaped = face.glyphPositions([scalar])
            if shaped.count == 1, shaped[0].glyph != 0, shaped[0].cluster == 0 {
                singles.append((scalar, shaped[0].glyph, shaped[0].advance))
            }
        }
        let count = singles.count
        var kerning = [Int32](repeating: 0, count: count * count)
        var excluded = Set<Int>()
        /// Whether `indices` shape as the singles and `kerning` predict.
        func predicted(_ indices: [Int], learning: Bool) -> Bool {
            let shaped = face.glyphPositions(indices.map { singles[$0].scalar })
            guard shaped.count == indices.count else { return false }
            var offset = 0
            for (position, index) in indices.enumerated() {
                guard shaped[position].glyph == singles[index].glyph, shaped[position].cluster == offset else { return false }
                offset += singles[index].scalar.utf8.count
                let isLast = position == indices.count - 1
                if learning && !isLast {
                    kerning[index * count + indices[position + 1]] = shaped[position].advance - singles[index].advance
                } else {
                    let kern = isLast ? 0 : kerning[index * count + indices[position + 1]]
                    guard shaped[position].advance == singles[index].advance &+ kern else { return false }
                }
            }
            return true
        }
        for first in 0..<count {
            for second in 0..<count where !predicted([first, second], learning: true) {
                excluded.formUnion([first, second])
            }
        }
        for first in 0..<count {
            for second in 0..<count {
                for third in 0..<count where !predicted([first, second, third], learning: false) {
                    excluded.formUnion([first, second, third])
                }
            }
        }
        let kept = (0..<count).filter { !excluded.contains($0) }
        var slots = [Int8](repeating: -1, count: 256)
        for (slot, index) in kept.enumerated() { slots[Int(singles[index].scalar.value)] = Int8(slot) }
        self.slots = slots
        glyphs = kept.map { singles[$0].glyph }
        advances = kept.map { singles[$0].advance }
        self.kerning = kept.flatMap { first in kept.map { kerning[first * count + $0] } }
        texts = kept.map { String(Character(singles[$0].scalar)) }
    }

    /// The characters shaped from the tables.
    var characters: [Unicode.Scalar] {
        (0..<256).compactMap { slots[$0] >= 0 ? Unicode.Scalar(UInt8($0)) : nil }
    }

    /// The glyphs of `text` when it is made only of characters shaped from the tables; nil otherwise
    /// (and for the empty text).
    func glyphs(_ text: String) -> [ShapedGlyph]? {
        var result: [ShapedGlyph] = []
        result.reserveCapacity(text.utf8.count)
        var previous: Int?
        for scalar in text.unicodeScalars {
            guard scalar.value < 256, case let slot = Int(slots[Int(scalar.value)]), slot >= 0 else { return nil }
            if let previous { result.append(glyph(previous, before: slot)) }
            previous = slot
        }
        guard let previous else { return nil }
        result.append(glyph(previous, before: nil))
        return result
    }

    /// The glyph of the character in table slot `index`, kerned with the one in slot `next`.
    private func glyph(_ index: Int, before next: Int?) -> ShapedGlyph {
        let kern = next.map { kerning[index * glyphs.count + $0] } ?? 0
        return ShapedGlyph(glyph: glyphs[index], advance: advances[index] &+ kern, text: texts[index])
    }
}
