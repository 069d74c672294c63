import Foundation
import PDFWriter
import PDFText
import QRCode
import RaschetLayout
import RaschetTesting
import Testing

@Suite("Layout documents")
struct LayoutDocumentTests {
    static let family = Result { try FontFamily.ptSans(directory: ExternalTool.fontsDirectory) }

    @Test("shaped widths: kerning makes AV narrower than A plus V")
    func shapedWidths() throws {
        let style = TextStyle(font: try Self.family.get().regular, size: 10)
        let doc = LayoutDocument(metadata: PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0)))
        #expect(doc.measure("AV", style: style) < doc.measure("A", style: style) + doc.measure("V", style: style))
    }

    @Test("a long table breaks across pages and repeats its header on every page")
    func tableAcrossPages() throws {
        let family = try Self.family.get()
        let style = TextStyle(font: family.regular, size: 9)
        let doc = LayoutDocument(
            metadata: PDFMetadata(title: "Таблица", creationDate: PDFDate(secondsSinceEpoch: 1_793_000_000)),
            footer: PageFooter(style: style.withSize(7)))
        doc.paragraph("Длинная таблица", style: style.withFont(family.bold).withSize(14), spaceAfter: 6)
        let rows = (1...150).map { i in
            Table.Row(texts: ["Строка № \(i)", "\(i * 1234 / 100),\(String(format: "%02d", i % 100))"])
        }
        doc.table(Table(
            columns: [Table.Column(width: 300), Table.Column(width: 120, alignment: .right)],
            header: [Table.Row(texts: ["Наименование", "Сумма, руб."], fill: PDFColor(gray: 0.9), style: style.withFont(family.bold))],
            rows: rows, style: style))
        let folder = try TemporaryFolder("raschet-layout")
        defer { folder.remove() }
        let path = try folder.write("table.pdf", bytes: try doc.finish())
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        let pages = Int(try ExternalTool.run("qpdf", ["--show-npages", path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(pages >= 3)
        for page in 1...pages {
            let text = try ExternalTool.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", path, "-"]).stdout
            #expect(text.contains("Наименование"), "page \(page) has the header")
            #expect(text.contains("Страница \(page) из \(pages)"))
        }
        let all = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        for i in [1, 75, 150] { #expect(all.contains("Строка № \(i)")) }
    }

    @Test("a table that would leave its header alone at the page bottom starts on the next page")
    func noOrphanHeader() throws {
        let family = try Self.family.get()
        let style = TextStyle(font: family.regular, size: 9)
        let doc = LayoutDocument(metadata: PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0)))
        doc.paragraph("Перед таблицей", style: style)
        doc.cursor = doc.geometry.contentBottom - 15
        doc.table(Table(columns: [Table.Column(width: 200)], header: [Table.Row(texts: ["Заголовок"])],
                        rows: [Table.Row(texts: ["Строка"])], style: style))
        let folder = try TemporaryFolder("raschet-layout")
        defer { folder.remove() }
        let path = try folder.write("orphan.pdf", bytes: try doc.finish())
        let first = try ExternalTool.run("pdftotext", ["-f", "1", "-l", "1", path, "-"]).stdout
        let second = try ExternalTool.run("pdftotext", ["-f", "2", "-l", "2", path, "-"]).stdout
        #expect(!first.contains("Заголовок"))
        #expect(second.contains("Заголовок") && second.contains("Строка"))
    }

    /// A number wider than its cell is drawn smaller on one line, not split into what reads as two
    /// numbers; beyond ``LayoutDocument/minimumFittedScale`` it is split as any word.
    @Test("a word wider than its cell is drawn smaller to fit, down to the least scale, then split")
    func wideWordInACell() throws {
        let style = TextStyle(font: try Self.family.get().regular, size: 10)
        let doc = LayoutDocument(metadata: PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0)))
        let number = "13,833333", wide = doc.measure(number, style: style)
        func laid(scale: Double) -> LaidTable {
            doc.layOut(Table(columns: [Table.Column(width: wide * scale, alignment: .right)],
                             rows: [Table.Row(texts: [number])], style: style, padding: (0, 0)))
        }
        #expect(laid(scale: 1.01).height == style.leading)
        // 0.9 of the width: one line at 9 points, a tenth lower than the style's.
        #expect(abs(laid(scale: 0.9).height - 0.9 * style.leading) < 0.01)
        #expect(laid(scale: 0.7).height == 2 * style.leading)
        doc.table(laid(scale: 0.8))
        let folder = try TemporaryFolder("raschet-layout")
        defer { folder.remove() }
        let path = try folder.write("fit.pdf", bytes: try doc.finish())
        #expect(try ExternalTool.run("pdftotext", [path, "-"]).stdout.contains(number))
    }

    @Test("justified paragraphs keep their words and fill the width")
    func justified() throws {
        let family = try Self.family.get()
        let style = TextStyle(font: family.regular, size: 11)
        let doc = LayoutDocument(metadata: PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0)))
        let text = String(repeating: "Выравнивание по ширине растягивает пробелы между словами. ", count: 8)
        doc.paragraph(text, style: style, alignment: .justified)
        let folder = try TemporaryFolder("raschet-layout")
        defer { folder.remove() }
        let path = try folder.write("justified.pdf", bytes: try doc.finish())
        let extracted = try ExternalTool.run("pdftotext", [path, "-"]).stdout
        #expect(extracted.contains("Выравнивание по ширине растягивает"))
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
    }

    @Test("a slot gives back the lines of its own text, face, size and width only, in every document of a cache")
    func slotLines() throws {
        let family = try Self.family.get()
        let regular = TextStyle(font: family.regular, size: 9)
        let cache = LayoutCache()
        let metadata = PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0))
        let first = LayoutDocument(metadata: metadata, cache: cache)
        let label = "Итого по исполнителю"
        let oneLine = first.lines(label, style: regular, width: 200, slot: 0)
        #expect(oneLine.map(\.text) == [label])
        #expect(oneLine == first.lines(label, style: regular, width: 200))
        // Another text, width, size or face in the same slot: its own lines, never the slot's.
        let narrow = first.lines(label, style: regular, width: 60, slot: 0)
        #expect(narrow.map(\.text) == ["Итого по", "исполнителю"])
        #expect(first.lines("Начислено за период", style: regular, width: 200, slot: 0).map(\.text) == ["Начислено за период"])
        let bold = first.lines(label, style: regular.withFont(family.bold), width: 200, slot: 0)
        #expect(bold.first?.shaped.face === family.bold)
        let larger = first.lines(label, style: regular.withSize(12), width: 200, slot: 0)
        #expect(larger.first?.width == first.measure(label, style: regular.withSize(12)))
        // A later document of the cache finds the slot's lines.
        let second = LayoutDocument(metadata: metadata, cache: cache)
        #expect(second.lines(label, style: regular.withSize(12), width: 200, slot: 0) == larger)
        #expect(second.lines(label, style: regular, width: 60, slot: 7).map(\.text) == ["Итого по", "исполнителю"])
    }

    @Test("a PNG logo is drawn as an image XObject")
    func pngLogo() throws {
        // 2x2 RGBA PNG made by the PDFWriter tests' recipe: build it from raw rows.
        let rows: [[UInt8]] = [[255, 0, 0, 255, 0, 255, 0, 128], [0, 0, 255, 255, 255, 255, 255, 0]]
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let n = body.count
            return [0, 0, UInt8(n >> 8), UInt8(n & 255)] + Array(type.utf8) + body + [0, 0, 0, 0]
        }
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 6, 0, 0, 0])
            + chunk("IDAT", Flate.compress(rows.flatMap { [0] + $0 })) + chunk("IEND", [])
        let doc = LayoutDocument(metadata: PDFMetadata(creationDate: PDFDate(secondsSinceEpoch: 0)))
        let logo = doc.register(try PNGDecoder.decode(png))
        doc.image(logo, x: 50, y: 50, width: 100, height: 100)
        let folder = try TemporaryFolder("raschet-layout")
        defer { folder.remove() }
        let path = try folder.write("logo.pdf", bytes: try doc.finish())
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        let images = try ExternalTool.run("pdfimages", ["-list", path]).stdout
        #expect(images.contains("smask"))
    }

    @Test("a QR image packs a module a bit, the leftmost in the high bit, each row to whole bytes")
    func qrImageBits() {
        // 9 x 9: the first row dark at columns 0, 7 and 8; the last row dark at column 1; the rest light.
        var modules = [Bool](repeating: false, count: 81)
        modules[0] = true; modules[7] = true; modules[8] = true; modules[73] = true
        let image = QRCodeImage(QRMatrix(size: 9, version: 1, modules: modules))
        #expect(image.modules == 9)
        #expect(image.rows == [0b1000_0001, 0b1000_0000] + [UInt8](repeating: 0, count: 14) + [0b0100_0000, 0])
    }

    @Test("a QR image holds every module of symbols of any width", arguments: [21, 57, 61, 69, 117])
    func qrImageEveryModule(size: Int) {
        var state = UInt32(size) &* 2_654_435_761
        let modules = (0..<(size * size)).map { _ -> Bool in
            state = state &* 1_664_525 &+ 1_013_904_223
            return state >> 31 == 1
        }
        let image = QRCodeImage(QRMatrix(size: size, version: (size - 17) / 4, modules: modules))
        let stride = (size + 7) / 8
        #expect(image.rows.count == stride * size)
        for row in 0..<size {
            for column in 0..<(stride * 8) {
                let bit = image.rows[row * stride + column / 8] >> (7 - column % 8) & 1 == 1
                #expect(bit == (column < size && modules[row * size + column]), "row \(row) column \(column)")
            }
        }
    }

    @Test("a QR symbol drawn on a page decodes to its payload with zbarimg")
    func qrDecodes() throws {
        let payload = "ST00012|Name=ООО «ЕРЦ Северный»|PersonalAcc=40702810912000034517|Sum=1346774|PersAcc=4102470012"
        let document = LayoutDocument(metadata: PDFMetadata(title: "QR", creationDate: PDFDate(secondsSinceEpoch: 0)))
        document.qrCode(try QRCode.encode(payload), x: 100, y: 100, size: 150)
        let folder = try TemporaryFolder("raschet-layout")
        defer { folder.remove() }
        let path = try folder.write("qr.pdf", bytes: try document.finish())
        let image = path + "-page"
        #expect(try ExternalTool.run("pdftoppm", ["-r", "100", "-png", "-singlefile", path, image]).status == 0)
        let decoded = try ExternalTool.run("zbarimg", ["-q", "--raw", image + ".png"])
        #expect(decoded.stdout == payload + "\n")
    }
}
