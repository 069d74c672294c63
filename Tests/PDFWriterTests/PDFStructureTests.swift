import PDFWriter
import Testing

/// Each typed object writer against the exact bytes it must produce (ISO 32000-1 key names and order).
@Suite("Typed object writers")
struct PDFStructureTests {
    func text(_ object: some PDFStructure) -> String {
        var out = PDFBytes()
        object.dictionary.write(to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test("a page names its parent, media box, resources and contents")
    func page() {
        let page = PDFPage(parent: PDFObjectID(2), width: 595.2756, height: 841.8898, resources: PDFObjectID(3),
                           contents: PDFObjectID(4))
        #expect(text(page) == "<</Type /Page/Parent 2 0 R/MediaBox [0 0 595.276 841.89]/Resources 3 0 R/Contents 4 0 R>>")
    }

    @Test("a page tree counts its kids")
    func pageTree() {
        #expect(text(PDFPageTree(kids: [PDFObjectID(5), PDFObjectID(7)])) == "<</Type /Pages/Kids [5 0 R 7 0 R]/Count 2>>")
    }

    @Test("resources leave out empty font and XObject dictionaries")
    func resources() {
        #expect(text(PDFResources()) == "<</ProcSet [/PDF /Text /ImageB /ImageC]>>")
        let full = PDFResources(fonts: [("F1", PDFObjectID(9)), ("F2", PDFObjectID(8))], xObjects: [("Im1", PDFObjectID(6))])
        #expect(text(full) == "<</ProcSet [/PDF /Text /ImageB /ImageC]/Font <</F1 9 0 R/F2 8 0 R>>/XObject <</Im1 6 0 R>>>>")
    }

    @Test("a bare catalog has only its type and pages")
    func bareCatalog() {
        #expect(text(PDFCatalog(pages: PDFObjectID(2))) == "<</Type /Catalog/Pages 2 0 R>>")
    }

    @Test("a PDF/A catalog writes metadata, output intents, the embedded files tree and /AF in that order")
    func fullCatalog() {
        let intent = PDFOutputIntent(outputConditionIdentifier: "sRGB IEC61966-2.1", info: "sRGB IEC61966-2.1",
                                     destinationProfile: PDFObjectID(11))
        let catalog = PDFCatalog(pages: PDFObjectID(2), metadata: PDFObjectID(10), outputIntents: [intent],
                                 embeddedFiles: [("a.xml", PDFObjectID(13)), ("b.xml", PDFObjectID(15))],
                                 associatedFiles: [PDFObjectID(13), PDFObjectID(15)])
        #expect(text(catalog) == "<</Type /Catalog/Pages 2 0 R/Metadata 10 0 R"
            + "/OutputIntents [<</Type /OutputIntent/S /GTS_PDFA1/OutputConditionIdentifier (sRGB IEC61966-2.1)"
            + "/Info (sRGB IEC61966-2.1)/DestOutputProfile 11 0 R>>]"
            + "/Names <</EmbeddedFiles <</Names [(a.xml) 13 0 R (b.xml) 15 0 R]>>>>/AF [13 0 R 15 0 R]>>")
    }

    @Test("the information dictionary leaves out empty strings and writes both dates")
    func documentInfo() {
        let metadata = PDFMetadata(title: "Квитанция", creator: "", producer: "P", creationDate: PDFDate(secondsSinceEpoch: 0))
        #expect(text(PDFDocumentInfo(metadata))
            == "<</Title <FEFF041A0432043804420430043D04460438044F>/Producer (P)"
            + "/CreationDate (D:19700101000000+00'00')/ModDate (D:19700101000000+00'00')>>")
    }

    @Test("an embedded file writes its MIME type as a name and its parameters")
    func embeddedFile() {
        let file = PDFEmbeddedFile(mimeType: "text/xml", modificationDate: PDFDate(secondsSinceEpoch: 86_400), size: 21)
        #expect(text(file) == "<</Type /EmbeddedFile/Subtype /text#2Fxml/Params <</ModDate (D:19700102000000+00'00')/Size 21>>>>")
    }

    @Test("a file specification names the file twice, refers to the stream twice and states its relationship")
    func fileSpecification() {
        let bare = PDFFileSpecification(fileName: "r.xml", embeddedFile: PDFObjectID(4), relationship: "Data")
        #expect(text(bare) == "<</Type /Filespec/F (r.xml)/UF (r.xml)/EF <</F 4 0 R/UF 4 0 R>>/AFRelationship /Data>>")
        let described = PDFFileSpecification(fileName: "r.xml", embeddedFile: PDFObjectID(4), relationship: "Source",
                                             description: "XML")
        #expect(text(described).hasSuffix("/AFRelationship /Source/Desc (XML)>>"))
    }

    @Test("an image with a soft mask lists it after its sample format")
    func imageXObject() {
        let image = PDFImageXObject(width: 2, height: 3, colorSpace: "DeviceRGB", softMask: PDFObjectID(7))
        #expect(text(image) == "<</Type /XObject/Subtype /Image/Width 2/Height 3/ColorSpace /DeviceRGB/BitsPerComponent 8/SMask 7 0 R>>")
    }

    @Test("the stream kinds write only their own keys")
    func streamDictionaries() {
        #expect(text(PDFMetadataStream()) == "<</Type /Metadata/Subtype /XML>>")
        #expect(text(PDFICCProfile(components: 3)) == "<</N 3>>")
        #expect(text(PDFFontFile2(programLength: 1234)) == "<</Length1 1234>>")
    }

    @Test("the composite font, its CIDFont and its descriptor")
    func fonts() {
        let type0 = PDFType0Font(baseFont: "ABCDEF+PTSans-Regular", descendantFont: PDFObjectID(2), toUnicode: PDFObjectID(6))
        #expect(text(type0) == "<</Type /Font/Subtype /Type0/BaseFont /ABCDEF+PTSans-Regular/Encoding /Identity-H"
            + "/DescendantFonts [2 0 R]/ToUnicode 6 0 R>>")
        let cid = PDFCIDFont(baseFont: "ABCDEF+PTSans-Regular", descriptor: PDFObjectID(3), defaultWidth: 500,
                             widths: [.init(firstCID: 3, widths: [277.5, 300]), .init(firstCID: 40, widths: [612.125])],
                             cidToGIDMap: PDFObjectID(5))
        #expect(text(cid) == "<</Type /Font/Subtype /CIDFontType2/BaseFont /ABCDEF+PTSans-Regular"
            + "/CIDSystemInfo <</Registry (Adobe)/Ordering (Identity)/Supplement 0>>/FontDescriptor 3 0 R"
            + "/DW 500/W [3 [277.5 300] 40 [612.125]]/CIDToGIDMap 5 0 R>>")
        let descriptor = PDFFontDescriptor(fontName: "ABCDEF+PTSans-Italic", flags: [.nonsymbolic, .italic],
                                           boundingBox: (-100, -250.5, 1000, 900), italicAngle: -12, ascent: 1018,
                                           descent: -276, capHeight: 700, stemV: 80, fontFile2: PDFObjectID(4))
        #expect(text(descriptor) == "<</Type /FontDescriptor/FontName /ABCDEF+PTSans-Italic/Flags 96"
            + "/FontBBox [-100 -250.5 1000 900]/ItalicAngle -12/Ascent 1018/Descent -276/CapHeight 700/StemV 80"
            + "/FontFile2 4 0 R>>")
    }

    @Test("a compressed stream gets /Filter after its own keys and /Length last")
    func compressedStream() {
        var file = PDFFile(compress: false)
        let id = file.allocate()
        file.writeCompressedStream(id, PDFFontFile2(programLength: 10), payload: [1, 2, 3])
        let bytes = file.finish(root: id, info: nil, fileID: [UInt8](repeating: 0, count: 16))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("1 0 obj\n<</Length1 10/Filter /FlateDecode/Length 3>>\nstream\n\u{1}\u{2}\u{3}\nendstream\nendobj\n"))
    }
}
