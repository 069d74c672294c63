public import PDFWriter
public import RaschetCore

/// Lays out receipts as PDF: what `ReceiptRun` needs from the documents module's template renderer.
///
/// The renderer is made with its template folder, fonts and creation date; the same content and
/// creation date must give the same bytes. `render` is called from several threads at once.
public protocol ReceiptRendering: Sendable {
    /// One receipt as a separate PDF/A-3b file with `attachment` embedded as an associated file
    /// (listed in the catalog's `/AF`).
    func render(_ content: ReceiptContent, attachment: PDFAttachment) throws -> [UInt8]

    /// An empty print file to which receipts are appended in print order.
    func makeBatch() throws -> any ReceiptBatchRendering
}

/// A print batch being written: every appended receipt starts on a new page.
public protocol ReceiptBatchRendering: AnyObject {
    func append(_ content: ReceiptContent) throws
    /// The finished PDF.
    func finish() throws -> [UInt8]
}
