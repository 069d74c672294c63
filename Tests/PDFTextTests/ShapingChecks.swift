@testable import PDFText
import RaschetTesting
import Testing

/// What the suites of texts shaped from tables check, against HarfBuzz.
enum ShapingChecks {
    /// Expects `tables` (the glyphs of `text` from a face's tables; nil when they do not cover it) and
    /// `face.shape(text)`, whatever shaped it, to be HarfBuzz's shaping of `text`.
    static func expectSameAsHarfBuzz(_ text: String, face: FontFace, tables: [ShapedGlyph]?) {
        let harfBuzz = face.shapeWithHarfBuzz(text)
        if let tables { #expect(tables == harfBuzz.glyphs, "\(text)") }
        let shaped = face.shape(text)
        #expect(shaped.glyphs == harfBuzz.glyphs, "\(text)")
        #expect(shaped.advance == harfBuzz.advance, "\(text)")
        #expect(shaped.fixedEncoding?.glyphRun == harfBuzz.fixedEncoding?.glyphRun, "\(text)")
        #expect((shaped.fixedEncoding?.usage == nil) == (harfBuzz.fixedEncoding?.usage == nil), "\(text)")
    }

    /// 3,000 texts of 1 to `longest` characters drawn from `characters`, the same for the same `seed`.
    static func randomTexts(of characters: [Unicode.Scalar], longest: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<3000).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 1...longest, using: &random) {
                text.unicodeScalars.append(characters.randomElement(using: &random)!)
            }
            return text
        }
    }
}
