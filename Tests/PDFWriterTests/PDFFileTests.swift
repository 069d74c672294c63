import PDFWriter
import Testing

@Suite("Objects, xref and trailer")
struct PDFFileTests {
    @Test("a two-object file has a byte-exact xref table and trailer")
    func xrefTable() {
        var file = PDFFile(compress: false)
        let catalog = file.allocate()
        let pages = file.allocate()
        file.write(catalog, PDFDictionary(["Type": .name("Catalog"), "Pages": .reference(pages)]))
        file.write(pages, PDFDictionary(["Type": .name("Pages"), "Kids": [], "Count": 0]))
        let bytes = file.finish(root: catalog, info: nil, fileID: [UInt8](repeating: 0xAB, count: 16))
        let text = String(decoding: bytes.dropFirst(15), as: UTF8.self)
        let expected = """
            1 0 obj
            <</Type /Catalog/Pages 2 0 R>>
            endobj
            2 0 obj
            <</Type /Pages/Kids []/Count 0>>
            endobj
            xref
            0 3
            0000000000 65535 f\r
            0000000015 00000 n\r
            0000000061 00000 n\r
            trailer
            <</Size 3/Root 1 0 R/ID [<ABABABABABABABABABABABABABABABAB> <ABABABABABABABABABABABABABABABAB>]>>
            startxref
            109
            %%EOF

            """
        #expect(text == expected)
        #expect(Array(bytes.prefix(9)) == Array("%PDF-1.7\n".utf8))
    }

    @Test("streams are Flate-compressed with /Length of the compressed payload")
    func flateStream() throws {
        var file = PDFFile(compress: true)
        let id = file.allocate()
        let data = Array(String(repeating: "0 0 m 10 10 l S\n", count: 50).utf8)
        file.writeStream(id, data: data)
        let bytes = file.finish(root: id, info: nil, fileID: [UInt8](repeating: 0, count: 16))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/Filter /FlateDecode"))
        let compressed = Flate.compress(data)
        #expect(text.contains("<</Filter /FlateDecode/Length \(compressed.count)>>"))
        #expect(Flate.decompress(compressed) == data)
    }

    @Test("content stream operators are written exactly")
    func contentStream() {
        var content = ContentStream()
        content.save()
        content.fillColor(PDFColor(gray: 0.9))
        content.rectangle(x: 10, y: 20.5, width: 100, height: -0.0001)
        content.fill()
        content.strokeColor(.black)
        content.lineWidth(0.5)
        content.move(x: 0, y: 0)
        content.line(x: 595.2756, y: 841.8898)
        content.stroke()
        content.beginText()
        content.font("F1", size: 7)
        content.textPosition(x: 28.346, y: 800)
        content.showGlyphs([0x2441, 0x3942, 0x1A43], adjustments: [0, 80, 0])
        content.endText()
        content.restore()
        let expected = """
            q
            0.9 0.9 0.9 rg
            10 20.5 100 0 re
            f
            0 0 0 RG
            0.5 w
            0 0 m
            595.276 841.89 l
            S
            BT
            /F1 7 Tf
            1 0 0 1 28.346 800 Tm
            [($A)80(9B\u{1A}C)]TJ
            ET
            Q

            """
        #expect(String(decoding: content.bytes, as: UTF8.self) == expected)
    }

    @Test("glyph codes are string bytes: parentheses and backslash escaped, a carriage return as \\r, other bytes as they are")
    func glyphCodeBytes() {
        var content = ContentStream()
        content.showGlyphs([0x2829, 0x5C0D, 0x0AA0, 0x0000], adjustments: [0, 0, -12, 0])
        let expected: [UInt8] = Array("[(\\(\\)\\\\\\r)-12(".utf8) + [0x0A, 0xA0, 0x00, 0x00] + Array(")]TJ\n".utf8)
        #expect(content.bytes == expected)

        // A run formed glyph by glyph, kept and written again: the same bytes, twice.
        var writer = GlyphRun.Writer(capacity: 1)
        for (code, adjustment) in zip([0x2829, 0x5C0D, 0x0AA0, 0x0000] as [UInt16], [0, 0, -12, 0]) {
            writer.append(code, adjustment: adjustment)
        }
        let run = writer.finish()
        var again = ContentStream()
        again.showGlyphs(run)
        again.showGlyphs(run)
        #expect(again.bytes == expected + expected)
    }

    @Test("an image mask is written inline in hex with its size, and an unpainted path ends with n")
    func imageMaskAndEndPath() {
        var content = ContentStream()
        content.withSavedState { content in
            content.transform(a: 20, b: 0, c: 0, d: 20, e: 100, f: 700)
            // 10 x 2: rows of two bytes, the last six bits of each row padding.
            content.imageMask(width: 10, height: 2, rows: [0b1000_0001, 0b1100_0000, 0xFF, 0x00])
        }
        content.rectangle(x: 1, y: 2, width: 3, height: 4)
        content.endPath()
        #expect(String(decoding: content.bytes, as: UTF8.self)
            == "q\n20 0 0 20 100 700 cm\nBI /W 10 /H 2 /IM true /BPC 1 /D [1 0] /F /AHx ID\n81C0FF00>\nEI\nQ\n1 2 3 4 re\nn\n")
    }

    @Test("a content stream is balanced only when every save is restored")
    func saveRestoreBalance() {
        var content = ContentStream()
        #expect(content.isBalanced)
        content.save()
        content.save()
        content.restore()
        #expect(!content.isBalanced)
        content.restore()
        #expect(content.isBalanced)
    }

    /// Keeps the blocks handed over, to compare with the same document written in memory.
    final class CollectingSink: PDFByteSink {
        var blocks: [[UInt8]] = []
        func write(_ bytes: [UInt8]) { blocks.append(bytes) }
    }

    /// A document of `pages` pages whose uncompressed contents are about 100 KB each.
    func streamedDocument(pages: Int, sink: CollectingSink?) throws -> [UInt8] {
        var document = PDFDocument(metadata: PDFMetadata(title: "Поток", creationDate: PDFDate(secondsSinceEpoch: 1_793_000_000)),
                                   options: PDFWriteOptions(compress: false), sink: sink)
        for page in 0..<pages {
            var content = ContentStream()
            for row in 0..<4_000 {
                content.rectangle(x: Double(page), y: Double(row), width: 10, height: 0.5)
            }
            content.fill()
            document.addPage(width: 595.276, height: 841.89, content: content)
        }
        return try document.finish()
    }

    @Test("a document streamed to a sink is byte for byte the one written in memory, handed over in 1 MiB blocks")
    func streamedToSink() throws {
        let inMemory = try streamedDocument(pages: 40, sink: nil)
        let sink = CollectingSink()
        let rest = try streamedDocument(pages: 40, sink: sink)
        #expect(rest.isEmpty)
        #expect(sink.blocks.flatMap { $0 } == inMemory)
        #expect(inMemory.count > 2 * PDFFile.flushThreshold)
        #expect(sink.blocks.count >= 3)
        #expect(sink.blocks.dropLast().allSatisfy { $0.count >= PDFFile.flushThreshold && $0.count < PDFFile.flushThreshold + 200_000 })
    }
}
