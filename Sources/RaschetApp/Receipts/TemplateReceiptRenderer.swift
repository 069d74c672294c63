import PDFWriter
import QRCode
import RaschetCore
import RaschetDocuments
import RaschetLayout

/// The documents module's template receipt (`ReceiptRenderer`, `Templates/receipt.tmpl`) as the
/// renderer `ReceiptRun` uses: separate PDF/A-3b files with the creation date of the environment,
/// and print batches.
struct TemplateReceiptRenderer: ReceiptRendering {
    let renderer: ReceiptRenderer
    let creationDate: PDFDate
    /// The title written into a print batch's metadata.
    let batchTitle: String

    func qrCode(for content: ReceiptContent) throws -> QRCodeImage { try ReceiptBatch.qrCode(for: content) }

    func render(_ content: ReceiptContent, qrCode: QRCodeImage, attachment: PDFAttachment) throws
        -> (file: [UInt8], pages: PreparedPages?) {
        try renderer.renderPreparingPages(content, creationDate: creationDate, attachment: attachment, qrCode: qrCode)
    }

    func pages(_ content: ReceiptContent, qrCode: QRCodeImage) throws -> PreparedPages? {
        try renderer.preparePages(content, creationDate: creationDate, qrCode: qrCode)
    }

    func makeBatch(writingTo sink: any PDFByteSink) throws -> any ReceiptBatchRendering {
        Batch(batch: renderer.batch(title: batchTitle, creationDate: creationDate, sink: sink))
    }

    /// A print batch: each appended receipt starts on a new page.
    final class Batch: ReceiptBatchRendering {
        let batch: ReceiptBatch

        init(batch: ReceiptBatch) { self.batch = batch }

        func append(_ content: ReceiptContent, qrCode: QRCodeImage, pages: PreparedPages?) throws {
            try batch.append(content, qr: qrCode, pages: pages)
        }

        func finish() throws { _ = try batch.finish() }
    }
}
