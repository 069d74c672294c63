@testable import PDFText
import RaschetTesting
import Testing

/// Numbers shaped from tables must come out exactly as HarfBuzz shapes them.
@Suite("Numbers shaped without HarfBuzz")
struct NumberShapingTests {
    static let faces = ["PTS55F.ttf", "PTS56F.ttf", "PTS75F.ttf", "PTS76F.ttf"]

    @Test(arguments: faces)
    func ptSansShapesEveryCandidateFromTables(file: String) throws {
        // PT Sans kerns some of them ("7" before a space, "," before "."), which the tables carry.
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        #expect(Set(face.numberShaping.characters) == Set(NumberShaping.candidates))
        #expect(face.numberShaping.glyphs("13\u{A0}481,16") != nil)
        #expect(face.numberShaping.glyphs("13 481,16 ₽") == nil)
        #expect(face.numberShaping.glyphs("") == nil)
    }

    @Test(arguments: faces)
    func amountsDatesAndReadingsShapeAsHarfBuzzDoes(file: String) throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        for text in ["13\u{A0}481,16", "-1\u{A0}234,00", "0,00", "2026-10-15", "15.10.2026", "10:30", "125,000",
                     "1/2", "7\u{A0}777\u{A0}777,77", "11", "  4 ", "3000000001"] {
            let tables = try #require(face.numberShaping.glyphs(text), "\(text)")
            ShapingChecks.expectSameAsHarfBuzz(text, face: face, tables: tables)
        }
    }

    @Test(arguments: faces)
    func randomTextsOfTheCandidatesShapeAsHarfBuzzDoes(file: String) throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        for text in ShapingChecks.randomTexts(of: NumberShaping.candidates, longest: 14, seed: 2026) {
            let tables = try #require(face.numberShaping.glyphs(text), "\(text)")
            ShapingChecks.expectSameAsHarfBuzz(text, face: face, tables: tables)
        }
    }
}
