@testable import PDFText
import RaschetTesting
import Testing

/// Texts shaped from the pair tables must come out exactly as HarfBuzz shapes them.
@Suite("Texts shaped pair by pair without HarfBuzz")
struct PairShapingTests {
    func expectSameAsHarfBuzz(_ text: String, face: FontFace) {
        let fast = face.shape(text)
        let harfBuzz = face.shapeWithHarfBuzz(text)
        #expect(fast.glyphs == harfBuzz.glyphs, "\(text)")
        #expect(fast.advance == harfBuzz.advance, "\(text)")
        #expect(fast.fixedEncoding?.glyphRun == harfBuzz.fixedEncoding?.glyphRun, "\(text)")
    }

    @Test(arguments: NumberShapingTests.faces)
    func ptSansShapesTheReceiptsOwnTextsFromTables(file: String) throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        let clock = ContinuousClock()
        let start = clock.now
        let shaping = try #require(face.pairShaping)
        print(file, clock.now - start)
        for text in ["2,036 м³", "3000000583-E", "ЕДИНЫЙ ПЛАТЁЖНЫЙ ДОКУМЕНТ № 2026-000005", "42,49 м², проживает: 1 чел.",
                     "83 кВт·ч", "Семёнов Юрий Иванович", "160004, г. Вологда, ул. Мальцева, д. 66, кв. 103",
                     "AV Ta \"Yo\" 7 . «Т» —", "13\u{A0}481,16"] {
            #expect(shaping.glyphs(text) != nil, "\(text)")
            expectSameAsHarfBuzz(text, face: face)
        }
        for text in ["", "дом ☃", "ﬁ", "line\nbreak"] {
            #expect(shaping.glyphs(text) == nil, "\(text)")
            expectSameAsHarfBuzz(text, face: face)
        }
    }

    @Test(arguments: NumberShapingTests.faces)
    func randomTextsOfTheRepertoireShapeAsHarfBuzzDoes(file: String) throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        var random = SplitMix64(seed: 2028)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                text.unicodeScalars.append(FontFace.baseRepertoire.randomElement(using: &random)!)
            }
            expectSameAsHarfBuzz(text, face: face)
        }
    }
}
