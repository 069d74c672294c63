import PDFText
import PDFWriter
import RaschetTesting
import Testing

@Suite("Embedded CID fonts")
struct EmbeddedFontTests {
    let regular: FontFace
    let bold: FontFace

    init() throws {
        regular = try FontFace(path: ExternalTool.fontsDirectory + "/PTS55F.ttf")
        bold = try FontFace(path: ExternalTool.fontsDirectory + "/PTS75F.ttf")
    }

    func document(_ lines: [(FontFace, String)], compress: Bool = true) throws -> [UInt8] {
        var document = PDFDocument(
            metadata: PDFMetadata(title: "Тест", creationDate: PDFDate(secondsSinceEpoch: 1_790_000_000)),
            options: PDFWriteOptions(compress: compress))
        var fonts: [ObjectIdentifier: (EmbeddedFont, String)] = [:]
        var content = ContentStream()
        var y = 800.0
        for (face, text) in lines {
            let font: EmbeddedFont
            let name: String
            if let known = fonts[ObjectIdentifier(face)] {
                (font, name) = known
            } else {
                font = EmbeddedFont(face: face)
                name = document.addFont(font)
                fonts[ObjectIdentifier(face)] = (font, name)
            }
            let (codes, adjustments) = font.encode(face.shape(text))
            content.beginText()
            content.font(name, size: 12)
            content.textPosition(x: 50, y: y)
            content.showGlyphs(codes, adjustments: adjustments)
            content.endText()
            y -= 20
        }
        document.addPage(width: 595.276, height: 841.89, content: content)
        return try document.finish()
    }

    @Test("the font metrics come from FreeType")
    func metrics() {
        #expect(regular.metrics.unitsPerEm == 1000)
        #expect(regular.metrics.postScriptName == "PTSans-Regular")
        #expect(bold.metrics.isBold)
    }

    @Test("kerning shows up as TJ adjustments")
    func kerning() {
        let shaped = regular.shape("AVAТА")
        let font = EmbeddedFont(face: regular)
        let (_, adjustments) = font.encode(shaped)
        #expect(adjustments.contains { $0 != 0 })
    }

    @Test("a document with Cyrillic text passes qpdf, lists subset fonts with ToUnicode, and extracts exactly")
    func toolsAcceptTheDocument() throws {
        let lines = [
            (regular, "Съешь же ещё этих мягких французских булок, да выпей чаю."),
            (bold, "ИТОГО К ОПЛАТЕ: 9 124,88 руб. № 5 «ёлка» — fi ffl"),
            (regular, "Ковалёва Татьяна Юрьевна, 54,30 м², кВт·ч"),
        ]
        let folder = try TemporaryFolder("raschet-pdftext")
        defer { folder.remove() }
        let path = try folder.write("fonts.pdf", bytes: try document(lines))
        let check = try ExternalTool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let fonts = try ExternalTool.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(fonts.count == 2)
        for line in fonts {
            #expect(line.contains("CID TrueType"))
            #expect(line.contains("Identity-H"))
            let columns = line.split(separator: " ")
            #expect(columns.suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(line)")
        }
        let text = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        for (_, line) in lines { #expect(text.contains(line), "\(text)") }
    }

    @Test("a character is coded the same in every document, whatever else the document holds")
    func fixedCodes() {
        let text = "Итого 1\u{A0}000 руб. — «ёлка» A А"
        let first = EmbeddedFont(face: regular)
        let second = EmbeddedFont(face: regular)
        _ = first.encode(regular.shape("ффф 2\u{A0}3 Ж fi"))
        #expect(first.encode(regular.shape(text)).codes == second.encode(regular.shape(text)).codes)
        #expect(second.isDocumentIndependent)
        #expect(second.usage != nil)
        let missing = EmbeddedFont(face: regular)
        _ = missing.encode(regular.shape("a😀"))
        #expect(!missing.isDocumentIndependent)
        #expect(missing.usage == nil)
    }

    @Test("the same input gives the same bytes")
    func deterministic() throws {
        let lines = [(regular, "Повтор — тот же результат")]
        #expect(try document(lines) == document(lines))
    }
}

@Suite("Characters missing from the font")
struct MissingGlyphTests {
    @Test("are drawn as ? but extract as themselves, and .notdef is never shown")
    func replacement() throws {
        let face = try FontFace(path: ExternalTool.fontsDirectory + "/PTS55F.ttf")
        let shaped = face.shape("a😀中b")
        #expect(!shaped.glyphs.contains { $0.glyph == 0 })
        #expect(shaped.glyphs.map(\.text).joined() == "a😀中b")
        let question = try #require(face.glyph(for: "?"))
        #expect(shaped.glyphs.filter { $0.glyph == question }.count == 2)

        var document = PDFDocument(metadata: PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0)))
        let font = EmbeddedFont(face: face)
        let name = document.addFont(font)
        var content = ContentStream()
        for (index, text) in ["Вопрос? a😀中b", "ещё?"].enumerated() {
            let (codes, adjustments) = font.encode(face.shape(text))
            content.beginText()
            content.font(name, size: 12)
            content.textPosition(x: 50, y: 700 - Double(index) * 20)
            content.showGlyphs(codes, adjustments: adjustments)
            content.endText()
        }
        document.addPage(width: 300, height: 800, content: content)
        let folder = try TemporaryFolder("raschet-pdftext")
        defer { folder.remove() }
        let path = try folder.write("missing.pdf", bytes: try document.finish())
        let text = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        #expect(text.contains("Вопрос? a😀中b"))
        #expect(text.contains("ещё?"))
    }
}

@Suite("Font loading errors")
struct FontLoadingTests {
    @Test("a missing file and a file that is not a font are refused with the path")
    func refused() {
        #expect(throws: FontError.self) { try FontFace(path: ExternalTool.fontsDirectory + "/missing.ttf") }
        do {
            _ = try FontFace(path: ExternalTool.fontsDirectory + "/README.md")
            Issue.record("README.md loaded as a font")
        } catch {
            #expect(error.path?.hasSuffix("README.md") == true)
        }
    }
}
