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

    /// Renders `content` into `folder` as `receipt-NAME.pdf` and returns its path.
    func render(_ content: ReceiptContent, name: String, in folder: TemporaryFolder) throws -> String {
        let bytes = try Self.renderer.get().render(content, creationDate: Self.date, attachment: Self.attachment)
        return try folder.write("receipt-\(name).pdf", bytes: bytes)
    }

    /// The days the receipt asks readings to be taken on are the billing rules' window.
    @Test("the receipt states the settings' reading window")
    func readingWindow() throws {
        var content = Self.samples[0].content
        content.readingWindow = ReadingWindow(firstDay: 10, lastDay: 18)
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let text = try ExternalTool.run("pdftotext", [try render(content, name: "window", in: folder), "-"]).stdout
        #expect(text.contains("Показания приборов учёта передавайте с 10 по 18 число месяца."), "\(text)")
    }

    /// A business row that holds a recalculation under another VAT rate names both rates.
    @Test("a business row with lines under two VAT rates names both")
    func twoRatesOnOneRow() throws {
        var content = Self.samples[1].content
        #expect(content.account.kind == .business)
        #expect(content.suppliers[0].rows[0].vatRate == ExactDecimal(20))
        content.suppliers[0].rows[0].otherVATRates = [ExactDecimal(22)]
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let text = try ExternalTool.run("pdftotext", [try render(content, name: "rates", in: folder), "-"]).stdout
            .replacingOccurrences(of: "\u{A0}", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("20 %, 22 %"), "\(text)")
    }

    @Test("each sample receipt's text equals its checked-in expected text", arguments: [0, 1, 2])
    func goldenText(index: Int) throws {
        let sample = Self.samples[index]
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try render(sample.content, name: sample.name, in: folder)
        let text = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        let golden = Self.here.appendingPathComponent("Goldens/receipt-\(sample.name).txt")
        if Self.recording { try Data(text.utf8).write(to: golden) }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
        #expect(try ExternalTool.run("qpdf", ["--show-npages", path]).stdout == "\(sample.pages)\n")
    }

    func decodeQRs(_ path: String, name: String) throws -> [String] {
        let prefix = (path as NSString).deletingLastPathComponent + "/qr-\(name)"
        #expect(try ExternalTool.run("pdftoppm", ["-r", "150", "-png", path, prefix]).status == 0)
        let directory = (path as NSString).deletingLastPathComponent
        let images = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix("qr-\(name)-") && $0.hasSuffix(".png") }.sorted()
        return try images.compactMap { image in
            let result = try ExternalTool.run("zbarimg", ["-q", "--raw", directory + "/" + image])
            guard result.status == 0 else { return nil }
            return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
        }
    }

    @Test("each sample receipt passes qpdf, has embedded subset fonts with ToUnicode and a QR code of its payload", arguments: [0, 1, 2])
    func fileChecks(index: Int) throws {
        let sample = Self.samples[index]
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try render(sample.content, name: "checks-\(sample.name)", in: folder)
        let check = try ExternalTool.run("qpdf", ["--check", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        let fonts = try ExternalTool.run("pdffonts", [path]).stdout.split(separator: "\n").dropFirst(2)
        #expect(fonts.count == 2)  // regular and bold
        for line in fonts {
            #expect(line.contains("CID TrueType") && line.contains("Identity-H"), "\(line)")
            #expect(line.split(separator: " ").suffix(5).prefix(3) == ["yes", "yes", "yes"], "\(line)")
        }
        #expect(try decodeQRs(path, name: sample.name) == [sample.content.qrPayload])
    }

    @Test("the same content, template and date give the same bytes")
    func deterministic() throws {
        let renderer = try Self.renderer.get()
        let first = try renderer.render(ReceiptSamples.household, creationDate: Self.date, attachment: Self.attachment)
        let second = try renderer.render(ReceiptSamples.household, creationDate: Self.date, attachment: Self.attachment)
        #expect(first == second)
    }

    @Test("a print batch holds the receipts in the given order, each from a new page with its sheets numbered, every QR code decodable")
    func batch() throws {
        let renderer = try Self.renderer.get()
        let batch = renderer.batch(title: "Печать квитанций за октябрь 2026", creationDate: Self.date)
        let order = [ReceiptSamples.business, ReceiptSamples.long, ReceiptSamples.household]
        for content in order { try batch.append(content, qr: try ReceiptBatch.qrCode(for: content)) }
        #expect(batch.pageCount == 4)
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try folder.write("receipt-batch.pdf", bytes: try batch.finish())
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        #expect(try ExternalTool.run("qpdf", ["--show-npages", path]).stdout == "4\n")
        let pages = try (1...4).map { page in
            try ExternalTool.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"]).stdout
        }
        #expect(pages[0].contains("№ 2026-004567") && pages[0].contains("Д-2024-015"))
        #expect(pages[1].contains("№ 2026-000007") && pages[1].contains("Услуга 1\n"))
        // The two-page receipt's sheets carry its number: a note at the foot of sheet 1, a head on sheet 2.
        let title = "ЕПД № 2026-000007 за октябрь 2026, лицевой счёт \(ReceiptSamples.long.account.id)"
        #expect(pages[1].contains(title + " · лист 1 · продолжение на следующем листе"))
        #expect(pages[2].hasPrefix(title + " · лист 2\n") && pages[2].contains("Задолженность отсутствует"))
        #expect(!pages[0].contains("лист 1") && !pages[3].contains("лист 1"))
        #expect(pages[3].contains("№ 2026-000123") && pages[3].contains("4102738516"))
        #expect(try decodeQRs(path, name: "batch") == order.map(\.qrPayload))
    }

    /// A batch of `order`, each receipt taken from its separate file's pages where `prepared` says so.
    func batchBytes(_ renderer: ReceiptRenderer, _ order: [ReceiptContent], prepared: [Bool]) throws -> (bytes: [UInt8], pages: Int) {
        let batch = renderer.batch(title: "Печать квитанций за октябрь 2026", creationDate: Self.date)
        for (content, takesPages) in zip(order, prepared) {
            let qr = try ReceiptBatch.qrCode(for: content)
            let pages = try renderer.renderPreparingPages(content, creationDate: Self.date, attachment: Self.attachment, qrCode: qr).pages
            if takesPages { #expect(pages != nil) }
            try batch.append(content, qr: qr, pages: takesPages ? pages : nil)
        }
        let count = batch.pageCount
        return (try batch.finish(), count)
    }

    @Test("a batch taking the receipts' pages from their separate files is byte for byte the batch that lays them out again",
          arguments: [true, false])
    func batchFromSeparateFiles(compress: Bool) throws {
        let renderer = try ReceiptRenderer(templates: Self.templates, fonts: try Self.family.get(),
                                           options: PDFWriteOptions(compress: compress))
        let order = [ReceiptSamples.business, ReceiptSamples.long, ReceiptSamples.household, ReceiptSamples.business]
        let laidOut = try batchBytes(renderer, order, prepared: [false, false, false, false])
        let taken = try batchBytes(renderer, order, prepared: [true, true, true, true])
        let mixed = try batchBytes(renderer, order, prepared: [true, false, true, false])
        let mixedOther = try batchBytes(renderer, order, prepared: [false, true, false, true])
        #expect(laidOut.pages == 5 && taken.pages == 5 && mixed.pages == 5 && mixedOther.pages == 5)
        #expect(taken.bytes == laidOut.bytes)
        #expect(mixed.bytes == laidOut.bytes)
        #expect(mixedOther.bytes == laidOut.bytes)
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try folder.write("receipt-batch-taken-\(compress).pdf", bytes: taken.bytes)
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
    }

    @Test("a batch compressed otherwise than the separate files lays the receipts out again")
    func batchOfOtherCompression() throws {
        let separate = try Self.renderer.get()
        let other = try ReceiptRenderer(templates: Self.templates, fonts: try Self.family.get(), options: PDFWriteOptions(compressionLevel: 1))
        let content = ReceiptSamples.household
        let qr = try ReceiptBatch.qrCode(for: content)
        let pages = try separate.renderPreparingPages(content, creationDate: Self.date, attachment: nil, qrCode: qr).pages
        let batch = other.batch(title: "Печать", creationDate: Self.date)
        try batch.append(content, qr: qr, pages: pages)
        let reference = other.batch(title: "Печать", creationDate: Self.date)
        try reference.append(content, qr: qr)
        #expect(try batch.finish() == reference.finish())
    }

    @Test("readings too many for one page move from beside the totals to below them and continue on the next page")
    func tallBand() throws {
        var content = ReceiptSamples.household
        content.readings = (1...70).map { index in
            ReceiptContent.MeterReadingRow(meterID: "М-\(1000 + index)", serviceName: "Холодное водоснабжение", unit: "м³", zone: .single,
                                           previous: ExactDecimal(index * 10), current: ExactDecimal(index * 10 + 3),
                                           consumption: ExactDecimal(3), basis: .reading)
        }
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let path = try render(content, name: "tall-band", in: folder)
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        #expect(try ExternalTool.run("qpdf", ["--show-npages", path]).stdout == "3\n")
        let text = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        for index in 1...70 { #expect(text.contains("М-\(1000 + index)")) }
        // Page 2: the rest of the readings under their repeated heading row, then the amount due
        // (pdftotext prints the amounts' no-break space, U+00A0 in the ToUnicode map, as a space).
        let second = try ExternalTool.run("pdftotext", ["-f", "2", "-l", "2", path, "-"]).stdout
        #expect(second.contains("Прибор учёта") && second.contains("М-1070") && !second.contains("М-1001\n"))
        #expect(second.contains("К оплате") && second.contains("6 411,91"))
    }

    @Test("the reviewed page images can be regenerated with RECORD_GOLDENS=1")
    func referenceImages() throws {
        guard Self.recording else { return }
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        for sample in Self.samples {
            let path = try render(sample.content, name: "reference-\(sample.name)", in: folder)
            let reference = Self.here.appendingPathComponent("Reference/receipt-\(sample.name)")
            #expect(try ExternalTool.run("pdftoppm", ["-r", "100", "-png", path, reference.path]).status == 0)
        }
    }
}
