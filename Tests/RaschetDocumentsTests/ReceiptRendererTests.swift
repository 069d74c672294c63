import Foundation
import PDFWriter
import RaschetCore
import RaschetDocuments
import RaschetLayout
import RaschetTesting
import Testing

@Suite("Receipt renderer")
struct ReceiptRendererTests {
    static let family = Result { try FontFamily.ptSans(directory: ExternalTool.fontsDirectory) }
    static let date = PDFDate(secondsSinceEpoch: 1_793_000_000)
    static let templates = TemplateDirectory(path: ExternalTool.packageRoot.appendingPathComponent("Templates").path)
    static let renderer = Result { () throws -> ReceiptRenderer in try ReceiptRenderer(templates: templates, fonts: family.get()) }
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    static let samples: [(name: String, content: ReceiptContent, pages: Int)] = [
        ("household", ReceiptSamples.household, 1),
        ("business", ReceiptSamples.business, 1),
        ("two-pages", ReceiptSamples.long, 2),
    ]

    static let attachment = PDFAttachment(name: "receipt.xml", data: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<receipt/>\n".utf8),
                                          mimeType: "text/xml", description: "Данные квитанции", relationship: "Data")

    func render(_ content: ReceiptContent, name: String) throws -> String {
        let bytes = try Self.renderer.get().render(content, creationDate: Self.date, attachment: Self.attachment)
        return try ExternalTool.temporaryFile(bytes, name: "receipt-\(name).pdf")
    }

    @Test("each sample receipt's text equals its checked-in expected text", arguments: [0, 1, 2])
    func goldenText(index: Int) throws {
        let sample = Self.samples[index]
        let path = try render(sample.content, name: sample.name)
        let text = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        let golden = Self.here.appendingPathComponent("Goldens/receipt-\(sample.name).txt")
        if Self.recording { try Data(text.utf8).write(to: golden) }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(try ExternalTool.run("qpdf", ["--show-npages", path]).stdout == "\(sample.pages)\n")
    }
}
