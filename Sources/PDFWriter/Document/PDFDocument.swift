/// A whole PDF document: pages, shared resources, metadata, attachments (ISO 32000-1 §7.7).
///
/// Pages are written to the file as they are added (a 1,000-page batch never holds all page contents in
/// memory), and with a ``PDFByteSink`` the file itself goes out as it is written, so a document of any
/// length keeps only its object offsets; fonts, which only know their glyph subset at the end, are
/// written by ``finish()``. All pages
/// share one resource dictionary. Every object goes through its typed writer (``PDFPage``,
/// ``PDFCatalog``, ...), which owns the object's keys.
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
    private var pending: [(id: PDFObjectID, page: PDFPage, content: [UInt8])] = []
    /// Pages buffered before their contents are compressed together on all cores.
    private static let pendingLimit = 32
    /// The previous group of pages, whose contents are being compressed (see ``CompressionJob``).
    private var inFlight: (pages: [(id: PDFObjectID, page: PDFPage)], job: CompressionJob)?

    /// Starts a document; with a `sink`, its bytes go there as they are written (``PDFFile``).
    public init(metadata: PDFMetadata, options: PDFWriteOptions = PDFWriteOptions(), sink: (any PDFByteSink)? = nil) {
        self.metadata = metadata
        self.options = options
        file = PDFFile(compress: options.compress, compressionLevel: options.compressionLevel, sink: sink)
        catalogID = file.allocate()
        pagesID = file.allocate()
        resourcesID = file.allocate()
    }

    /// The number of pages added so far.
    public var pageCount: Int { pageIDs.count }

    /// Registers a font; returns its resource name (`F1`, `F2`, ...) for `Tf`.
    public mutating func addFont(_ font: any PDFFontResource) -> String {
        if let existing = fonts.first(where: { $0.font === font }) { return existing.name }
        return addFont(font, name: "F\(fonts.count + 1)")
    }

    /// Registers a font under a resource name chosen by the caller (a name fixed per font face, so that
    /// content streams do not depend on the order fonts were first used in); returns `name`.
    public mutating func addFont(_ font: any PDFFontResource, name: String) -> String {
        if let existing = fonts.first(where: { $0.font === font }) { return existing.name }
        precondition(!fonts.contains { $0.name == name }, "font resource name \(name) used twice")
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

    /// Writes a page of `width` x `height` points with the given content, whose saved graphics states
    /// must all be restored.
    public mutating func addPage(width: Double, height: Double, content: ContentStream) {
        precondition(content.isBalanced, "a page's content stream ends with a graphics state still saved (q without Q)")
        let contentID = file.allocate()
        let pageID = file.allocate()
        let page = PDFPage(parent: pagesID, width: width, height: height, resources: resourcesID, contents: contentID)
        pending.append((pageID, page, content.bytes))
        pageIDs.append(pageID)
        if pending.count >= Self.pendingLimit { flushPages() }
    }

    /// Writes a page whose content stream is already encoded: Flate-compressed at the document's level
    /// when the document compresses (``PDFWriteOptions``), as is otherwise. Pages added before it are
    /// written first, so the pages stay in the order added.
    public mutating func addPage(width: Double, height: Double, encodedContent: [UInt8]) {
        flushPages()
        writeInFlight()
        let contentID = file.allocate()
        let pageID = file.allocate()
        let page = PDFPage(parent: pagesID, width: width, height: height, resources: resourcesID, contents: contentID)
        if file.compress {
            file.writeCompressedStream(contentID, payload: encodedContent)
        } else {
            file.writeStream(contentID, data: encodedContent)
        }
        file.write(pageID, page)
        pageIDs.append(pageID)
    }

    /// Hands the buffered pages to a background compression job and writes the previous job's pages.
    ///
    /// Compression of one group of pages overlaps with laying out the next; the pages are still written
    /// in the order they were added, so the bytes do not depend on scheduling.
    private mutating func flushPages() {
        guard !pending.isEmpty else { return }
        guard file.compress else {
            for entry in pending {
                file.writeStream(entry.page.contents, data: entry.content)
                file.write(entry.id, entry.page)
            }
            pending.removeAll(keepingCapacity: true)
            return
        }
        let job = CompressionJob(contents: pending.map(\.content), level: file.compressionLevel)
        writeInFlight()
        inFlight = (pending.map { ($0.id, $0.page) }, job)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the last buffered pages. A single page is compressed on this thread: nothing is left to
    /// lay out meanwhile, so handing it to another thread would only add a wait (and, with documents
    /// rendered in parallel, serialize them on the hand-over).
    private mutating func writeRemainingPages() {
        guard file.compress, pending.count == 1 else {
            flushPages()
            writeInFlight()
            return
        }
        let entry = pending[0]
        writeCompressed([(entry.id, entry.page)], [Flate.compress(entry.content, level: file.compressionLevel)])
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes pages whose contents are compressed, in order.
    private mutating func writeCompressed(_ pages: [(id: PDFObjectID, page: PDFPage)], _ contents: [[UInt8]]) {
        for (index, entry) in pages.enumerated() {
            file.writeCompressedStream(entry.page.contents, payload: contents[index])
            file.write(entry.id, entry.page)
        }
    }

    /// Waits for the running compression job, if any, and writes its pages.
    private mutating func writeInFlight() {
        guard let (pages, job) = inFlight else { return }
        writeCompressed(pages, job.results())
        inFlight = nil
    }

    /// Writes fonts, resources, page tree, metadata, catalog, xref and trailer; returns the file bytes
    /// (none with a sink: they went to it).
    public consuming func finish() throws -> [UInt8] {
        precondition(!pageIDs.isEmpty, "a PDF needs at least one page")
        writeInFlight()
        writeRemainingPages()
        for (_, id, font) in fonts {
            try font.write(into: &file, fontID: id)
        }
        file.write(resourcesID, PDFResources(fonts: fonts.map { ($0.name, $0.id) }, xObjects: images))
        file.write(pagesID, PDFPageTree(kids: pageIDs))

        var catalog = PDFCatalog(pages: pagesID)
        let infoID = file.allocate()
        file.write(infoID, PDFDocumentInfo(metadata))
        if options.pdfA {
            let metadataID = file.allocate()
            file.writeStream(metadataID, PDFMetadataStream(), data: XMPMetadata(metadata: metadata, pdfA: true).bytes,
                             allowCompression: false)
            catalog.metadata = metadataID
            let profileID = file.allocate()
            if file.compress {
                file.writeCompressedStream(profileID, PDFICCProfile(components: 3),
                                           payload: SRGBProfile.compressed(level: file.compressionLevel))
            } else {
                file.writeStream(profileID, PDFICCProfile(components: 3), data: SRGBProfile.bytes)
            }
            catalog.outputIntents = [PDFOutputIntent(outputConditionIdentifier: "sRGB IEC61966-2.1",
                                                     info: "sRGB IEC61966-2.1", destinationProfile: profileID)]
        }
        if !attachments.isEmpty {
            let specifications = writeAttachments()
            catalog.embeddedFiles = specifications
            catalog.associatedFiles = specifications.map(\.specification)
        }
        file.write(catalogID, catalog)

        let fileID = file.contentHash
        return file.finish(root: catalogID, info: infoID, fileID: fileID)
    }

    /// Writes each attachment's embedded file stream and file specification, sorted by name as the
    /// name tree requires (§7.9.6).
    private mutating func writeAttachments() -> [(name: String, specification: PDFObjectID)] {
        let sorted = attachments.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        var specifications: [(name: String, specification: PDFObjectID)] = []
        for attachment in sorted {
            let streamID = file.allocate()
            let specificationID = file.allocate()
            file.writeStream(streamID, PDFEmbeddedFile(mimeType: attachment.mimeType, modificationDate: metadata.creationDate,
                                                       size: attachment.data.count), data: attachment.data)
            file.write(specificationID, PDFFileSpecification(fileName: attachment.name, embeddedFile: streamID,
                                                             relationship: attachment.relationship,
                                                             description: attachment.description))
            specifications.append((attachment.name, specificationID))
        }
        return specifications
    }
}
