import Foundation
import PDFWriter
import RaschetDocuments
import RaschetLayout
import RaschetTesting
import Testing

@Suite("Specimen document")
struct SpecimenDocumentTests {
    static let family = Result { try FontFamily.ptSans(directory: ExternalTool.fontsDirectory) }
    static let date = PDFDate(secondsSinceEpoch: 1_793_000_000)

    func render(_ specimen: SpecimenDocument) throws -> [UInt8] {
        try specimen.render(family: Self.family.get())
    }

    /// Text without whitespace: pdftotext output equals the input "modulo line breaks".
    func squeezed(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    func decodeQR(_ path: String) throws -> String {
        let prefix = path + "-page"
        #expect(try ExternalTool.run("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", path, prefix]).status == 0)
        let png = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
            .filter { $0.hasPrefix((prefix as NSString).lastPathComponent) && $0.hasSuffix(".png") }.sorted().first
        let image = (path as NSString).deletingLastPathComponent + "/" + (try #require(png))
        var text = try ExternalTool.run("zbarimg", ["-q", "--raw", image]).stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test("the default specimen passes qpdf, pdffonts, pdftotext and zbarimg")
    func defaultSpecimen() throws {
        let bytes = try render(SpecimenDocument(creationDate: Self.date))
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try folder.write("specimen-default.pdf", bytes: bytes)
        let check = try ExternalTool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let fonts = try ExternalTool.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(fonts.count == 4)
        for line in fonts {
            #expect(line.contains("CID TrueType") && line.contains("Identity-H"), "\(line)")
            #expect(line.split(separator: " ").suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(line)")
        }
        let text = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        #expect(squeezed(text).contains(squeezed(SpecimenDocument.defaultText)))
        #expect(text.contains("Съешь же ещё этих мягких французских булок"))
        #expect(text.contains("9 777,95"))
        #expect(text.contains("Страница 1 из 1"))
        #expect(try decodeQR(path) == SpecimenDocument.defaultPayload)
        #expect(try ExternalTool.run("qpdf", ["--show-npages", path]).stdout == "1\n")
    }

    @Test("arbitrary Cyrillic text and payloads come back exactly", arguments: [
        ("Ёлки-палки, «ёжик» № 42 — превысокомногорассмотрительствующий и ещёоднооченьдлинноесловобезпробелов, которое не помещается в строку целиком никак!!!", "ST00012|Name=Тест|Sum=100"),
        ("Щука\nс новой строки: ЁЁЁ ёёё “quotes” & <tags> (скобки) \\ обратная", "ST00012|Purpose=Ё«»№|PersAcc=1"),
    ])
    func arbitraryInput(text: String, payload: String) throws {
        let bytes = try render(SpecimenDocument(text: text, payload: payload, creationDate: Self.date))
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try folder.write("specimen-\(abs(payload.hashValue)).pdf", bytes: bytes)
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        let extracted = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        #expect(squeezed(extracted).contains(squeezed(text)), "\(extracted)")
        // Every extracted line of the paragraph is a verbatim piece of the input.
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.count < 20 {
            #expect(extracted.contains(word), "\(word)")
        }
        #expect(try decodeQR(path) == payload)
    }

    @Test("the same input renders to byte-identical files")
    func deterministic() throws {
        let specimen = SpecimenDocument(text: "Один и тот же текст", payload: "ST00012|Sum=1", creationDate: Self.date)
        #expect(try render(specimen) == render(specimen))
    }

    @Test("the reviewed page image can be regenerated with RECORD_GOLDENS=1")
    func referenceImage() throws {
        guard ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" else { return }
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try folder.write("specimen-ref.pdf", bytes: try render(SpecimenDocument(creationDate: Self.date)))
        let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/specimen")
        #expect(try ExternalTool.run("pdftoppm", ["-r", "100", "-png", "-singlefile", path, reference.path]).status == 0)
    }
}
