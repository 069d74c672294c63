public import PDFWriter
public import RaschetCore
public import RaschetLayout

/// Lays out receipts as PDF: what `ReceiptRun` needs from the documents module's template renderer.
///
/// The renderer is made with its template folder, fonts and creation date; the same content and
/// creation date must give the same bytes. `render` is called from several threads at once.
public protocol ReceiptRendering: Sendable {
    /// The payment QR code of `content`, encoded once for both its separate file and the batch.
    func qrCode(for content: ReceiptContent) throws -> QRCodeImage

    /// One receipt as a separate PDF/A-3b file with `attachment` embedded as an associated file
    /// (listed in the catalog's `/AF`); `qrCode` is its ``qrCode(for:)``. With the file, its pages when a
    /// batch can take them as they are (``ReceiptBatchRendering/append(_:qrCode:pages:)``), else nil.
    func render(_ content: ReceiptContent, qrCode: QRCodeImage, attachment: PDFAttachment) throws
        -> (file: [UInt8], pages: PreparedPages?)

    /// The pages of `content` for a print batch of this renderer, with no separate file: what
    /// ``render(_:qrCode:attachment:)`` gives with the file; nil when the batch lays the receipt out itself.
    func pages(_ content: ReceiptContent, qrCode: QRCodeImage) throws -> PreparedPages?

    /// An empty print file to which receipts are appended in print order; its bytes go to `sink` as
    /// they are written, so a batch of any length keeps a flat memory.
    func makeBatch(writingTo sink: any PDFByteSink) throws -> any ReceiptBatchRendering
}

/// A print batch being written: every appended receipt starts on a new page.
public protocol ReceiptBatchRendering: AnyObject {
    /// Appends `content` from a new page; `qrCode` is its ``ReceiptRendering/qrCode(for:)``, `pages` the
    /// pages of its separate file (``ReceiptRendering/render(_:qrCode:attachment:)``), if any.
    func append(_ content: ReceiptContent, qrCode: QRCodeImage, pages: PreparedPages?) throws
    /// Writes the end of the PDF to the sink.
    func finish() throws
}
