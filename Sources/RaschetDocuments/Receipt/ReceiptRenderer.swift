public import PDFWriter
public import RaschetCore
public import RaschetLayout
import QRCode

/// Renders receipts (единый платежный документ) from ``ReceiptContent`` through the receipt template
/// of a ``TemplateDirectory``. The template is read and compiled once, here; each receipt costs its
/// layout and writing only. Sendable: one renderer serves every task of a parallel run.
public struct ReceiptRenderer: Sendable {
    /// The template file of the receipt in the template folder.
    public static let templateName = "receipt.tmpl"

    /// The compiled receipt template.
    public let template: CompiledTemplate
    /// PDF options (compression; PDF/A-3b is on by default).
    public let options: PDFWriteOptions

    /// Reads and compiles `receipt.tmpl` (and its parts) from `templates`.
    /// - Throws: ``DocumentError`` naming the template file, line and column of the first problem.
    public init(templates: TemplateDirectory, fonts: FontFamily, options: PDFWriteOptions = PDFWriteOptions()) throws(DocumentError) {
        template = try CompiledTemplate(Self.templateName, in: templates, fonts: fonts, schema: ReceiptFields.schema)
        self.options = options
    }

    /// One receipt as a PDF/A-3b file, with `attachment` (the receipt's data as XML) embedded as an
    /// associated file; `qrCode` is its prepared ``ReceiptBatch/qrCode(for:)`` (encoded here when nil).
    /// The same content, template and date give the same bytes.
    public func render(_ content: ReceiptContent, creationDate: PDFDate, attachment: PDFAttachment?,
                       qrCode: QRCodeImage? = nil) throws -> [UInt8] {
        try renderPreparingPages(content, creationDate: creationDate, attachment: attachment, qrCode: qrCode).file
    }

    /// ``render(_:creationDate:attachment:qrCode:)``, also returning the receipt's pages for a print batch
    /// of this renderer to take as they are (``ReceiptBatch/append(_:qr:pages:)``) instead of laying the
    /// receipt out again; nil when its pages depend on their document (an image in the template, text
    /// the fonts draw with per-document codes).
    public func renderPreparingPages(_ content: ReceiptContent, creationDate: PDFDate, attachment: PDFAttachment?,
                                     qrCode: QRCodeImage? = nil) throws -> (file: [UInt8], pages: PreparedPages?) {
        let document = try laidOut(content, creationDate: creationDate, qrCode: qrCode, pagePreparation: .keptWithFile)
        if let attachment { document.attach(attachment) }
        return try document.finishPreparingPages()
    }

    /// The pages of `content` as ``renderPreparingPages(_:creationDate:attachment:qrCode:)`` prepares
    /// them, without the file: a receipt that goes only into a print batch of this renderer. Nil when
    /// the batch must lay the receipt out itself.
    public func preparePages(_ content: ReceiptContent, creationDate: PDFDate, qrCode: QRCodeImage) throws -> PreparedPages? {
        try laidOut(content, creationDate: creationDate, qrCode: qrCode, pagePreparation: .keptOnly).finishPagesOnly()
    }

    /// A document with `content` drawn on it, whose pages are kept for a print batch.
    private func laidOut(_ content: ReceiptContent, creationDate: PDFDate, qrCode: QRCodeImage?,
                         pagePreparation: LayoutDocument.PagePreparation) throws -> LayoutDocument {
        let record = ReceiptFields.record(content)
        let document = LayoutDocument(metadata: metadata(record, creationDate: creationDate), options: options,
                                      geometry: template.geometry, fonts: template.fonts, pagePreparation: pagePreparation,
                                      cache: template.layoutCache)
        let codes = qrCode.map { [content.qrPayload: $0] } ?? [:]
        try TemplateCanvas(document: document).draw(template, record: record, qrCodes: codes)
        return document
    }

    /// Starts a print batch: many receipts in one document, each from a new page, in the order
    /// appended (``ReceiptBatch``); with a `sink`, the file goes to it as it is written.
    public func batch(title: String, creationDate: PDFDate, sink: (any PDFByteSink)? = nil) -> ReceiptBatch {
        ReceiptBatch(renderer: self, metadata: PDFMetadata(title: title, author: "Raschet", subject: "Единый платежный документ",
                                                           creationDate: creationDate), sink: sink)
    }

    func metadata(_ record: TemplateRecord, creationDate: PDFDate) -> PDFMetadata {
        PDFMetadata(title: template.title(for: record), author: "Raschet", subject: "Единый платежный документ",
                    creationDate: creationDate)
    }
}

/// A print file of many receipts: one ``LayoutDocument``, pages in the order receipts are appended.
/// Not thread-safe (one document); prepare QR codes on other cores with ``ReceiptBatch/qrCode(for:)``.
public final class ReceiptBatch {
    private let renderer: ReceiptRenderer
    private let canvas: TemplateCanvas

    init(renderer: ReceiptRenderer, metadata: PDFMetadata, sink: (any PDFByteSink)?) {
        self.renderer = renderer
        canvas = TemplateCanvas(document: LayoutDocument(metadata: metadata, options: renderer.options,
                                                         geometry: renderer.template.geometry, sink: sink,
                                                         fonts: renderer.template.fonts, cache: renderer.template.layoutCache))
    }

    /// The QR image of `content`'s payment string; pure, so a batch can build these on other cores.
    public static func qrCode(for content: ReceiptContent) throws -> QRCodeImage {
        QRCodeImage(try QRCode.encode(content.qrPayload))
    }

    /// Appends `content` from a new page; `qr` is its prepared QR image (encoded here when nil). `pages`,
    /// from ``ReceiptRenderer/renderPreparingPages(_:creationDate:attachment:qrCode:)`` of the same
    /// content, are taken as they are when the batch can (same compression); otherwise the receipt is
    /// laid out here. Either way the batch's bytes are the same.
    public func append(_ content: ReceiptContent, qr: QRCodeImage? = nil, pages: PreparedPages? = nil) throws(DocumentError) {
        if let pages, canvas.append(pages) { return }
        let codes = qr.map { [content.qrPayload: $0] } ?? [:]
        try canvas.draw(renderer.template, record: ReceiptFields.record(content), qrCodes: codes)
    }

    /// The number of pages so far (1 before the first receipt: the document's empty first page).
    public var pageCount: Int { canvas.document.pageCount }

    /// Ends the batch and returns the PDF bytes (none with a sink: they went to it).
    public func finish() throws -> [UInt8] { try canvas.document.finish() }
}
