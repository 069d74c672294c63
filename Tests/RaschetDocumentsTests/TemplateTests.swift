import Foundation
import PDFWriter
import RaschetCore
import RaschetDocuments
import RaschetLayout
import RaschetTesting
import Testing

@Suite("Templates")
struct TemplateTests {
    static let family = Result { try FontFamily.ptSans(directory: ExternalTool.fontsDirectory) }
    static let shipped = ExternalTool.packageRoot.appendingPathComponent("Templates")

    /// A copy of the shipped templates in `folder/NAME`, as a user's own template folder.
    func copyShipped(name: String, in folder: TemporaryFolder) throws -> URL {
        let target = folder.url(name)
        try FileManager.default.copyItem(at: Self.shipped, to: target)
        return target
    }

    /// A copy of the shipped templates (`copyShipped`) with `old` replaced by `new` in `file`; returns
    /// the copy and the 1-based line and column where `new` now starts.
    func copy(editing file: String, replacing old: String, with new: String, name: String,
              in folder: TemporaryFolder) throws -> (TemplateDirectory, line: Int, column: Int) {
        let target = try copyShipped(name: name, in: folder)
        let url = target.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.contains(old) })
        let column = lines[index].distance(from: lines[index].startIndex, to: lines[index].range(of: old)!.lowerBound) + 1
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        return (TemplateDirectory(path: target.path), index + 1, column)
    }

    func compileError(_ directory: TemplateDirectory) throws -> DocumentError? {
        let fonts = try Self.family.get()
        do {
            _ = try ReceiptRenderer(templates: directory, fonts: fonts)
            return nil
        } catch {
            return error
        }
    }

    @Test("the shipped receipt template compiles")
    func shippedCompiles() throws {
        #expect(try compileError(TemplateDirectory(path: Self.shipped.path)) == nil)
    }

    @Test("a misspelt keyword fails with the file, line and column")
    func misspeltKeyword() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let (directory, line, column) = try copy(editing: "receipt.tmpl", replacing: "  rows each=rows", with: "  rowz each=rows", name: "keyword", in: folder)
        let error = try #require(try compileError(directory))
        #expect(error.description == "receipt.tmpl:\(line):\(column + 2): unknown keyword `rowz` in a table; after its `column` lines a table holds rows, group, row and end")
    }

    @Test("a template and a part saved with a byte order mark (as Notepad saves UTF-8) compile as without it")
    func byteOrderMark() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let target = try copyShipped(name: "bom", in: folder)
        for name in ["receipt.tmpl", "parts/payee.tmpl"] {
            let file = target.appendingPathComponent(name)
            try Data([0xEF, 0xBB, 0xBF] + (try Data(contentsOf: file))).write(to: file)
        }
        #expect(try compileError(TemplateDirectory(path: target.path)) == nil)
    }

    @Test("blocks nested deeper than the limit fail at the first one too deep, not by running out of stack")
    func nestedTooDeep() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let target = try copyShipped(name: "deep", in: folder)
        let file = target.appendingPathComponent("receipt.tmpl")
        let text = try String(contentsOf: file, encoding: .utf8)
        let nesting = String(repeating: "block\n", count: 2_000) + "text \"x\"\n" + String(repeating: "end\n", count: 2_000)
        try Data((text + nesting).utf8).write(to: file)
        // The file ends with a newline: its lines before the nesting are its newlines.
        let before = text.filter { $0 == "\n" }.count
        let error = try #require(try compileError(TemplateDirectory(path: target.path)))
        #expect(error.description == "receipt.tmpl:\(before + 65):1: blocks are nested more than 64 deep; a document needs far fewer levels")
    }

    @Test("a misspelt field in a shared part fails with the part's file, line and column")
    func misspeltField() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let (directory, line, column) = try copy(editing: "parts/payee.tmpl", replacing: "{{payee.inn}}", with: "{{payee.nni}}", name: "field", in: folder)
        let error = try #require(try compileError(directory))
        #expect(error.description == "parts/payee.tmpl:\(line):\(column): unknown field `payee.nni`")
    }

    @Test("a misspelt attribute fails and lists the attributes the keyword takes")
    func misspeltAttribute() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let (directory, line, column) = try copy(editing: "receipt.tmpl", replacing: "size=40mm caption=", with: "sise=40mm caption=", name: "attribute", in: folder)
        let error = try #require(try compileError(directory))
        #expect(error.description == "receipt.tmpl:\(line):\(column): `qr` has no attribute `sise`; it takes: align, caption, caption-style, field, size, unless, when")
    }

    @Test("an unclosed quote and an unclosed section fail where they start")
    func unclosed() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let (quote, line, column) = try copy(editing: "parts/payee.tmpl", replacing: "\"Получатель платежа: {{payee.name}}\"", with: "\"Получатель платежа: {{payee.name}}", name: "quote", in: folder)
        #expect(try compileError(quote)?.description == "parts/payee.tmpl:\(line):\(column): the text is not closed with \"")
        let (section, line2, column2) = try copy(editing: "parts/payee.tmpl", replacing: "{{/payee.kpp}}", with: "", name: "section", in: folder)
        let expectedColumn = column2 - "\"{{#payee.fullName}}{{payee.fullName}}, {{/payee.fullName}}ИНН {{payee.inn}}{{#payee.kpp}}, КПП {{payee.kpp}}".count + 1
        #expect(try compileError(section)?.description == "parts/payee.tmpl:\(line2):\(expectedColumn): section `{{#payee.kpp}}` is not closed")
    }

    @Test("a qr whose field is empty for a document is refused naming the field, not as a payment string of 0 bytes")
    func emptyQRField() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        // The sample payee has no e-mail.
        let (directory, _, _) = try copy(editing: "receipt.tmpl", replacing: "qr field=qrPayload", with: "qr field=payee.email",
                                         name: "qr", in: folder)
        let renderer = try ReceiptRenderer(templates: directory, fonts: Self.family.get())
        #expect {
            try renderer.render(ReceiptSamples.household, creationDate: PDFDate(secondsSinceEpoch: 1_793_000_000), attachment: nil)
        } throws: { error in
            "\(error)" == "the field `payee.email` of a `qr` is empty, so there is nothing to encode; show the qr only `when=` it has a value"
        }
    }

    @Test("a renamed column heading and a moved block change the PDF without a rebuild")
    func editedCopy() throws {
        let renderer = try ReceiptRenderer(templates: TemplateDirectory(path: Self.shipped.path), fonts: Self.family.get())
        let date = PDFDate(secondsSinceEpoch: 1_793_000_000)
        let original = try renderer.render(ReceiptSamples.household, creationDate: date, attachment: nil)
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let (renamed, _, _) = try copy(editing: "receipt.tmpl", replacing: "column \"Вид услуги\"", with: "column \"Наименование услуги\"", name: "heading", in: folder)
        let edited = try ReceiptRenderer(templates: renamed, fonts: Self.family.get()).render(ReceiptSamples.household, creationDate: date, attachment: nil)
        let before = try ExternalTool.run("pdftotext", [try folder.write("heading-before.pdf", bytes: original), "-"]).stdout
        let after = try ExternalTool.run("pdftotext", [try folder.write("heading-after.pdf", bytes: edited), "-"]).stdout
        #expect(before.contains("Вид услуги") && !before.contains("Наименование услуги"))
        #expect(after.contains("Наименование услуги") && !after.contains("Вид услуги"))
        // The QR block moved 20 mm to the left: the page changes, the text stays the same.
        let (moved, _, _) = try copy(editing: "receipt.tmpl", replacing: "block x=150mm width=40mm", with: "block x=130mm width=40mm", name: "moved", in: folder)
        let shifted = try ReceiptRenderer(templates: moved, fonts: Self.family.get()).render(ReceiptSamples.household, creationDate: date, attachment: nil)
        #expect(shifted != original)
        #expect(try ExternalTool.run("pdftotext", [try folder.write("moved.pdf", bytes: shifted), "-"]).stdout == before)
    }

    @Test("an image added to a template copy is embedded once and drawn")
    func image() throws {
        let folder = try TemporaryFolder("raschet-documents")
        defer { folder.remove() }
        let (directory, _, _) = try copy(editing: "receipt.tmpl", replacing: "    qr field=qrPayload",
                                         with: "    image file=logo.png width=12mm align=right\n    qr field=qrPayload", name: "image", in: folder)
        // Any PNG does: the reviewed specimen page image.
        try FileManager.default.copyItem(atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference/specimen.png").path,
                                         toPath: directory.path + "/logo.png")
        let renderer = try ReceiptRenderer(templates: directory, fonts: Self.family.get())
        let batch = renderer.batch(title: "Две квитанции", creationDate: PDFDate(secondsSinceEpoch: 1_793_000_000))
        try batch.append(ReceiptSamples.household)
        try batch.append(ReceiptSamples.business)
        let path = try folder.write("image.pdf", bytes: try batch.finish())
        // The QR codes are inline stencil masks; the logo is the only other image.
        let list = try ExternalTool.run("pdfimages", ["-list", path]).stdout.split(separator: "\n").dropFirst(2)
            .filter { !$0.contains("[inline]") }
        #expect(list.count == 2)  // drawn on both pages
        #expect(Set(list.map { $0.split(separator: " ", omittingEmptySubsequences: true)[3] }).count == 1)  // one object
        #expect(try ExternalTool.run("qpdf", ["--check", path]).status == 0)
        let (missing, line, column) = try copy(editing: "receipt.tmpl", replacing: "    qr field=qrPayload",
                                               with: "    image file=nowhere.png width=12mm\n    qr field=qrPayload", name: "image-missing", in: folder)
        #expect(throws: DocumentError(file: "receipt.tmpl", line: line, column: column + 4,
                                      message: .cannotReadTemplateFile("nowhere.png", folder: missing.path))) {
            try ReceiptRenderer(templates: missing, fonts: Self.family.get())
        }
        // A file that is not a PNG is refused in the catalog's words, at the file's name (after `image file=`).
        let (notPNG, notPNGLine, notPNGColumn) = try copy(editing: "receipt.tmpl", replacing: "    qr field=qrPayload",
                                                          with: "    image file=styles.tmpl width=12mm\n    qr field=qrPayload", name: "image-not-png", in: folder)
        #expect(throws: DocumentError(file: "receipt.tmpl", line: notPNGLine, column: notPNGColumn + 15,
                                      message: .notAPNG("styles.tmpl", problem: .pngSignatureMissing))) {
            try ReceiptRenderer(templates: notPNG, fonts: Self.family.get())
        }
        #expect(Message.notAPNG("styles.tmpl", problem: .pngSignatureMissing).english
            == "`styles.tmpl` is not a PNG image this writer reads: the file does not start with the PNG signature; save the image as PNG")
    }

    @Test("values print in the document forms", arguments: [
        (TemplateValue.money(Money(kopecks: 1_348_116)), "13\u{00A0}481,16"),
        (.money(Money(kopecks: -1_348_116)), "-13\u{00A0}481,16"),
        (.money(Money(kopecks: -5)), "-0,05"),
        (.money(.zero), "0,00"),
        (.money(Money(kopecks: 123_456_789_00)), "123\u{00A0}456\u{00A0}789,00"),
        (.number(ExactDecimal(micros: 10_376_000_000)), "10\u{00A0}376"),
        (.number(ExactDecimal(micros: -1_100_000)), "-1,1"),
        (.number(ExactDecimal(micros: 912_000)), "0,912"),
        (.price(ExactDecimal(micros: 34_800_000)), "34,80"),
        (.price(ExactDecimal(micros: 2_950_270_000)), "2\u{00A0}950,27"),
        (.price(ExactDecimal(micros: -7_850_000)), "-7,85"),
        (.price(ExactDecimal(micros: 1_234_567)), "1,234567"),
        (.date(CivilDate(year: 2026, month: 3, day: 5)!), "05.03.2026"),
        (.period(Period(year: 2026, month: 10)!), "октябрь 2026"),
        (.count(2), "2"),
    ])
    func printedForms(value: TemplateValue, text: String) {
        #expect(value.text == text)
    }

    /// The printed forms, written byte by byte, against the plain Russian forms of `RaschetCore` with
    /// their thousands grouped: amounts of every length and sign, fractions with leading and trailing zeros.
    @Test func printedFormsMatchThePlainForms() {
        var generator = SystemRandomNumberGenerator()
        func grouped(_ plain: String, minimumFractionDigits: Int) -> String {
            let sign = plain.hasPrefix("-") ? "-" : ""
            let parts = plain.dropFirst(sign.count).split(separator: ",", maxSplits: 1)
            var fraction = parts.count > 1 ? String(parts[1]) : ""
            while fraction.count < minimumFractionDigits { fraction.append("0") }
            var integer = ""
            for (index, digit) in parts[0].enumerated() {
                if index > 0 && (parts[0].count - index) % 3 == 0 { integer.append("\u{00A0}") }
                integer.append(digit)
            }
            return sign + integer + (fraction.isEmpty ? "" : "," + fraction)
        }
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, 999_999, 1_000_000, 1_000_001, Int64.max, Int64.min + 1]
        for digits in 1...18 {
            let bound = (0..<digits).reduce(Int64(1)) { power, _ in power * 10 }
            for _ in 0..<40 { values.append(Int64.random(in: -bound...bound, using: &generator)) }
        }
        for value in values {
            let money = Money(kopecks: value)
            #expect(TemplateValue.money(money).text == money.russianString.replacingOccurrences(of: " ", with: "\u{00A0}"))
            let number = ExactDecimal(micros: value)
            #expect(TemplateValue.number(number).text == grouped(number.russianString, minimumFractionDigits: 0))
            #expect(TemplateValue.price(number).text == grouped(number.russianString, minimumFractionDigits: 2))
        }
    }
}
