import Dispatch

/// A whole PDF document: pages, shared resources, metadata, attachments (ISO 32000-1 §7.7).
///
/// Pages are written to the file as they are added (a 1,000-page batch never holds all page contents in
/// memory); fonts, which only know their glyph subset at the end, are written by ``finish()``. All pages
/// share one resource dictionary.
///
/// Output is a pure function of the calls made: object numbers are allocated in call order, dictionary
/// keys are written in insertion order, the `/ID` is a ``StableHash`` of the bytes before the trailer.
public struct PDFDocument {
    private var file: PDFFile
    private let options: PDFWriteOptions
    private let metadata: PDFMetadata
    private let catalogID: PDFObjectID
    private let pagesID: PDFObjectID
    private let resourcesID: PDFObjectID
    private var pageIDs: [PDFObjectID] = []
    private var fonts: [(name: String, id: PDFObjectID, font: any PDFFontResource)] = []
    private var images: [(name: String, id: PDFObjectID)] = []
    private var attachments: [PDFAttachment] = []
    private var pending: [(contentID: PDFObjectID, pageID: PDFObjectID, page: PDFDictionary, content: [UInt8])] = []
    /// Pages buffered before their contents are compressed together on all cores.
    private static let pendingLimit = 32
    private var inFlight: (pages: [(contentID: PDFObjectID, pageID: PDFObjectID, page: PDFDictionary)], job: CompressionJob, group: DispatchGroup)?

    /// Starts a document.
    public init(metadata: PDFMetadata, options: PDFWriteOptions = PDFWriteOptions()) {
        self.metadata = metadata
        self.options = options
        file = PDFFile(compress: options.compress, compressionLevel: options.compressionLevel)
        catalogID = file.allocate()
        pagesID = file.allocate()
        resourcesID = file.allocate()
    }

    /// The number of pages added so far.
    public var pageCount: Int { pageIDs.count }

    /// Registers a font; returns its resource name (`F1`, `F2`, ...) for `Tf`.
    public mutating func addFont(_ font: any PDFFontResource) -> String {
        if let existing = fonts.first(where: { $0.font === font }) { return existing.name }
        let name = "F\(fonts.count + 1)"
        fonts.append((name, file.allocate(), font))
        return name
    }

    /// Writes an image XObject now; returns its resource name (`Im1`, ...) for `Do`.
    public mutating func addImage(_ image: PDFImage) -> String {
        flushPages()
        writeInFlight()
        let id = file.allocate()
        image.write(into: &file, id: id)
        let name = "Im\(images.count + 1)"
        images.append((name, id))
        return name
    }

    /// Embeds a file as an associated file of the document.
    public mutating func attach(_ attachment: PDFAttachment) {
        attachments.append(attachment)
    }

    /// Writes a page of `width` x `height` points with the given content.
    public mutating func addPage(width: Double, height: Double, content: ContentStream) {
        let contentID = file.allocate()
        let pageID = file.allocate()
        let page = PDFDictionary([
            "Type": .name("Page"),
            "Parent": .reference(pagesID),
            "MediaBox": [0, 0, .real(width), .real(height)],
            "Resources": .reference(resourcesID),
            "Contents": .reference(contentID),
        ])
        pending.append((contentID, pageID, page, content.bytes))
        pageIDs.append(pageID)
        if pending.count >= Self.pendingLimit { flushPages() }
    }

    /// Hands the buffered pages to a background compression job and writes the previous job's pages.
    ///
    /// Compression of one group of pages overlaps with laying out the next; the pages are still written
    /// in the order they were added, so the bytes do not depend on scheduling.
    private mutating func flushPages() {
        guard !pending.isEmpty else { return }
        guard file.compress else {
            for page in pending {
                file.writeStream(page.contentID, data: page.content)
                file.write(page.pageID, page.page)
            }
            pending.removeAll(keepingCapacity: true)
            return
        }
        let job = CompressionJob(contents: pending.map(\.content), level: file.compressionLevel)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { job.run() }
        writeInFlight()
        inFlight = (pending.map { ($0.contentID, $0.pageID, $0.page) }, job, group)
        pending.removeAll(keepingCapacity: true)
    }

    /// Compresses the last buffered pages on this thread and writes them: nothing is left to lay out
    /// meanwhile, so handing them to another thread would only add a wait (and, with documents
    /// rendered in parallel, serialize them on the hand-over).
    private mutating func writeRemainingPages() {
        guard !pending.isEmpty else { return }
        guard file.compress else {
            flushPages()
            return
        }
        let job = CompressionJob(contents: pending.map(\.content), level: file.compressionLevel)
        job.run()
        writeCompressed(pending.map { ($0.contentID, $0.pageID, $0.page) }, job.results)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes pages whose contents are compressed, in order.
    private mutating func writeCompressed(_ pages: [(contentID: PDFObjectID, pageID: PDFObjectID, page: PDFDictionary)],
                                          _ contents: [[UInt8]]) {
        for (index, page) in pages.enumerated() {
            file.writeRawStream(page.contentID, PDFDictionary(["Filter": .name("FlateDecode")]), payload: contents[index])
            file.write(page.pageID, page.page)
        }
    }

    /// Waits for the running compression job, if any, and writes its pages.
    private mutating func writeInFlight() {
        guard let (pages, job, group) = inFlight else { return }
        group.wait()
        writeCompressed(pages, job.results)
        inFlight = nil
    }

    /// Writes fonts, resources, page tree, metadata, catalog, xref and trailer; returns the file bytes.
    public consuming func finish() throws -> [UInt8] {
        precondition(!pageIDs.isEmpty, "a PDF needs at least one page")
        writeInFlight()
        writeRemainingPages()
        for (_, id, font) in fonts {
            try font.write(into: &file, fontID: id)
        }
        var fontDictionary = PDFDictionary()
        for (name, id, _) in fonts { fontDictionary[name] = .reference(id) }
        var resources = PDFDictionary(["ProcSet": [.name("PDF"), .name("Text"), .name("ImageB"), .name("ImageC")]])
        if !fonts.isEmpty { resources["Font"] = .dictionary(fontDictionary) }
        if !images.isEmpty {
            var xobjects = PDFDictionary()
            for (name, id) in images { xobjects[name] = .reference(id) }
            resources["XObject"] = .dictionary(xobjects)
        }
        file.write(resourcesID, resources)
        file.write(pagesID, PDFDictionary([
            "Type": .name("Pages"),
            "Kids": .array(pageIDs.map { .reference($0) }),
            "Count": .int(pageIDs.count),
        ]))

        var catalog = PDFDictionary(["Type": .name("Catalog"), "Pages": .reference(pagesID)])
        let infoID = writeInfo()
        if options.pdfA {
            let metadataID = file.allocate()
            file.writeStream(
                metadataID, PDFDictionary(["Type": .name("Metadata"), "Subtype": .name("XML")]),
                data: XMPMetadata(metadata: metadata, pdfA: true).bytes, allowCompression: false)
            catalog["Metadata"] = .reference(metadataID)
            let profileID = file.allocate()
            file.writeStream(profileID, PDFDictionary(["N": 3]), data: SRGBProfile.bytes)
            catalog["OutputIntents"] = [.dictionary(PDFDictionary([
                "Type": .name("OutputIntent"),
                "S": .name("GTS_PDFA1"),
                "OutputConditionIdentifier": .text("sRGB IEC61966-2.1"),
                "Info": .text("sRGB IEC61966-2.1"),
                "DestOutputProfile": .reference(profileID),
            ]))]
        }
        if !attachments.isEmpty {
            let specs = writeAttachments()
            catalog["Names"] = .dictionary(PDFDictionary(["EmbeddedFiles": .dictionary(PDFDictionary([
                "Names": .array(specs.flatMap { [PDFValue.text($0.name), .reference($0.id)] }),
            ]))]))
            catalog["AF"] = .array(specs.map { .reference($0.id) })
        }
        file.write(catalogID, catalog)

        var hash = StableHash()
        hash.combine(file.out.bytes)
        return file.finish(root: catalogID, info: infoID, fileID: hash.digest)
    }

    private mutating func writeInfo() -> PDFObjectID {
        let infoID = file.allocate()
        var info = PDFDictionary()
        if !metadata.title.isEmpty { info["Title"] = .text(metadata.title) }
        if !metadata.author.isEmpty { info["Author"] = .text(metadata.author) }
        if !metadata.subject.isEmpty { info["Subject"] = .text(metadata.subject) }
        if !metadata.keywords.isEmpty { info["Keywords"] = .text(metadata.keywords) }
        if !metadata.creator.isEmpty { info["Creator"] = .text(metadata.creator) }
        if !metadata.producer.isEmpty { info["Producer"] = .text(metadata.producer) }
        let date = PDFValue.string(Array(metadata.creationDate.pdfString.utf8))
        info["CreationDate"] = date
        info["ModDate"] = date
        file.write(infoID, info)
        return infoID
    }

    /// Writes each attachment's embedded file stream and file specification, sorted by name as the
    /// name tree requires (§7.9.6).
    private mutating func writeAttachments() -> [(name: String, id: PDFObjectID)] {
        let sorted = attachments.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        var specs: [(name: String, id: PDFObjectID)] = []
        for attachment in sorted {
            let streamID = file.allocate()
            let specID = file.allocate()
            let date = PDFValue.string(Array(metadata.creationDate.pdfString.utf8))
            file.writeStream(streamID, PDFDictionary([
                "Type": .name("EmbeddedFile"),
                "Subtype": .name(attachment.mimeType),
                "Params": .dictionary(PDFDictionary(["ModDate": date, "Size": .int(attachment.data.count)])),
            ]), data: attachment.data)
            var spec = PDFDictionary([
                "Type": .name("Filespec"),
                "F": .text(attachment.name),
                "UF": .text(attachment.name),
                "EF": .dictionary(PDFDictionary(["F": .reference(streamID), "UF": .reference(streamID)])),
                "AFRelationship": .name(attachment.relationship),
            ])
            if !attachment.description.isEmpty { spec["Desc"] = .text(attachment.description) }
            file.write(specID, spec)
            specs.append((attachment.name, specID))
        }
        return specs
    }
}
