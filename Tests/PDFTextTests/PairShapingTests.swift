@testable import PDFText
import RaschetTesting
import Testing

/// Texts shaped from the pair tables must come out exactly as HarfBuzz shapes them.
@Suite("Texts shaped pair by pair without HarfBuzz")
struct PairShapingTests {
    @Test(arguments: NumberShapingTests.faces)
    func ptSansShapesTheReceiptsOwnTextsFromTables(file: String) throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        let shaping = try #require(face.pairShaping)
        #expect(shaping.formsRunsFromTables)
        for text in ["2,036 м³", "3000000583-E", "ЕДИНЫЙ ПЛАТЁЖНЫЙ ДОКУМЕНТ № 2026-000005", "42,49 м², проживает: 1 чел.",
                     "83 кВт·ч", "Семёнов Юрий Иванович", "160004, г. Вологда, ул. Мальцева, д. 66, кв. 103",
                     "AV Ta \"Yo\" 7 . «Т» —", "13\u{A0}481,16"] {
            let tables = try #require(shaping.shape(text, face: face)?.glyphs, "\(text)")
            ShapingChecks.expectSameAsHarfBuzz(text, face: face, tables: tables)
        }
        for text in ["", "дом ☃", "ﬁ", "line\nbreak"] {
            #expect(shaping.shape(text, face: face) == nil, "\(text)")
            ShapingChecks.expectSameAsHarfBuzz(text, face: face, tables: nil)
        }
    }

    @Test(arguments: NumberShapingTests.faces)
    func randomTextsOfTheRepertoireShapeAsHarfBuzzDoes(file: String) throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/" + file)
        var fromTables = 0
        for text in ShapingChecks.randomTexts(of: FontFace.baseRepertoire, longest: 20, seed: 2028) {
            let tables = face.pairShaping?.shape(text, face: face)?.glyphs
            if tables != nil { fromTables += 1 }
            ShapingChecks.expectSameAsHarfBuzz(text, face: face, tables: tables)
        }
        // All but the texts with f, i or l (PT Sans joins them with `liga`) come from the tables.
        #expect(fromTables > 2000)
    }
}
