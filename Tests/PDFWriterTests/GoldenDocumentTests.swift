import Foundation
import PDFWriter
import RaschetTesting
import Testing

/// Whole documents compared with goldens written uncompressed; `RECORD_GOLDENS=1` rewrites them.
@Suite("Golden documents")
struct GoldenDocumentTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    func check(_ bytes: [UInt8], golden name: String) throws {
        let url = Self.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try Data(bytes).write(to: url)
            return
        }
        let expected = try [UInt8](Data(contentsOf: url))
        #expect(bytes == expected, "differs from Goldens/\(name); RECORD_GOLDENS=1 rewrites it after review")
    }

    func graphicsDocument(pdfA: Bool, attachment: Bool, compress: Bool = false) throws -> [UInt8] {
        var document = PDFDocument(
            metadata: PDFMetadata(title: "Графика", author: "Raschet", creationDate: PDFDate(secondsSinceEpoch: 1_793_000_000)),
            options: PDFWriteOptions(compress: compress, pdfA: pdfA))
        var content = ContentStream()
        content.strokeColor(PDFColor(red: 0.2, green: 0.3, blue: 0.8))
        content.lineWidth(2)
        content.rectangle(x: 50, y: 50, width: 200, height: 100)
        content.stroke()
        content.fillColor(PDFColor(gray: 0.5))
        content.rectangle(x: 60, y: 60, width: 20, height: 20)
        content.fill()
        let image = PDFImage(width: 2, height: 2, components: 3, samples: [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
        let name = document.addImage(image)
        content.save()
        content.transform(a: 40, b: 0, c: 0, d: 40, e: 300, f: 300)
        content.paintXObject(name)
        content.restore()
        if attachment {
            document.attach(PDFAttachment(name: "receipt.xml", data: Array("<receipt sum=\"1.00\"/>".utf8),
                                          mimeType: "text/xml", description: "Данные"))
        }
        document.addPage(width: 595.276, height: 841.89, content: content)
        return try document.finish()
    }

    @Test("a graphics page without PDF/A matches its golden")
    func plainGolden() throws {
        try check(graphicsDocument(pdfA: false, attachment: false), golden: "graphics.pdf")
    }

    @Test("a PDF/A-3b page with an attached XML matches its golden")
    func pdfAGolden() throws {
        try check(graphicsDocument(pdfA: true, attachment: true), golden: "graphics-pdfa3.pdf")
    }

    @Test("qpdf accepts both, compressed and not, and pdfdetach lists the attachment")
    func qpdfAccepts() throws {
        let folder = try TemporaryFolder("raschet-pdfwriter")
        defer { folder.remove() }
        for compress in [false, true] {
            let bytes = try graphicsDocument(pdfA: true, attachment: true, compress: compress)
            let url = folder.url("golden-\(compress).pdf")
            try Data(bytes).write(to: url)
            #expect(try run("qpdf", ["--check", url.path]).status == 0)
            let list = try run("pdfdetach", ["-list", url.path])
            #expect(list.output.contains("receipt.xml"))
        }
    }

    func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ExternalTool.run(tool, arguments)
        return (result.status, result.stdout + result.stderr)
    }

}
