import Foundation
import PDFWriter
import QRCode
import RaschetCore
import RaschetLayout
@testable import RaschetApp

/// A test-only stand-in for the documents module's template renderer: a few lines of text and the QR
/// code per receipt, so that `ReceiptRun` can be tested end to end. It records what it was given
/// (behind a lock: `render` runs on several threads).
final class TestReceiptRenderer: ReceiptRendering, @unchecked Sendable {
    static let family = try! FontFamily.ptSans(directory: CLI.packageRoot.appendingPathComponent("Fonts").path)
    let creationDate = PDFDate(secondsSinceEpoch: 1_793_491_200)
    /// The account whose separate file fails to render (``Failure``), if any.
    let failingAccount: String?
    /// The failure of ``failingAccount``.
    struct Failure: Error {}

    init(failingAccount: String? = nil) { self.failingAccount = failingAccount }
    private let lock = NSLock()
    private var _separate: [ReceiptContent] = []
    private var _attachments: [PDFAttachment] = []
    private var _batch: [ReceiptContent] = []
    private var _pagesOnly: [ReceiptContent] = []

    var separate: [ReceiptContent] { lock.withLock { _separate } }
    var attachments: [PDFAttachment] { lock.withLock { _attachments } }
    var batch: [ReceiptContent] { lock.withLock { _batch } }
    /// The receipts asked for as pages only (``pages(_:qrCode:)``), in no particular order.
    var pagesOnly: [ReceiptContent] { lock.withLock { _pagesOnly } }

    func qrCode(for content: ReceiptContent) throws -> QRCodeImage { QRCodeImage(try QRCode.encode(content.qrPayload)) }

    func render(_ content: ReceiptContent, qrCode: QRCodeImage, attachment: PDFAttachment) throws
        -> (file: [UInt8], pages: PreparedPages?) {
        if content.account.id == failingAccount { throw Failure() }
        lock.withLock { _separate.append(content); _attachments.append(attachment) }
        let document = LayoutDocument(metadata: PDFMetadata(title: "Квитанция " + content.number.text, creationDate: creationDate))
        try lay(content, qrCode: qrCode, on: document)
        document.attach(attachment)
        return (try document.finish(), nil)
    }

    /// None: the batch lays the receipt out itself.
    func pages(_ content: ReceiptContent, qrCode: QRCodeImage) throws -> PreparedPages? {
        if content.account.id == failingAccount { throw Failure() }
        lock.withLock { _pagesOnly.append(content) }
        return nil
    }

    func makeBatch(writingTo sink: any PDFByteSink) throws -> any ReceiptBatchRendering { Batch(owner: self, sink: sink) }

    fileprivate func lay(_ content: ReceiptContent, qrCode: QRCodeImage, on document: LayoutDocument) throws {
        let style = TextStyle(font: Self.family.regular, size: 10)
        document.paragraph("№ \(content.number.text) за \(content.period.russianName)", style: style)
        document.paragraph("\(content.account.id) \(content.account.name), \(content.account.address)", style: style)
        document.paragraph("К оплате \(content.amountDue.russianString) до \(content.dueDate.russianString)", style: style)
        document.qrCode(qrCode, x: 40, y: document.cursor + 10, size: 120)
    }

    final class Batch: ReceiptBatchRendering {
        let owner: TestReceiptRenderer
        let document: LayoutDocument
        var first = true

        init(owner: TestReceiptRenderer, sink: any PDFByteSink) {
            self.owner = owner
            document = LayoutDocument(metadata: PDFMetadata(title: "Пакет печати", creationDate: owner.creationDate),
                                      options: PDFWriteOptions(pdfA: false), sink: sink)
        }

        func append(_ content: ReceiptContent, qrCode: QRCodeImage, pages: PreparedPages?) throws {
            owner.lock.withLock { owner._batch.append(content) }
            if !first { document.newPage() }
            first = false
            try owner.lay(content, qrCode: qrCode, on: document)
        }

        func finish() throws { _ = try document.finish() }
    }
}
