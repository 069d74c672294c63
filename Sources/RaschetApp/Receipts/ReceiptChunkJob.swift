import Dispatch
import Synchronization
import PDFWriter
import RaschetCore
import RaschetLayout

/// One chunk of receipts rendered on every core in the background while ``ReceiptRun`` reads and numbers
/// the next chunk: as separate files, or only as pages for the print batch. Each file's bytes go to a
/// temporary file; ``finish(committingWith:)`` hands the chunk's files to a ``BackgroundCommit`` that puts
/// them in place with one flush to disk (``OutputFile/Group``). A job never finished (the run failed
/// before) leaves no file: its temporary files go with it.
final class ReceiptChunkJob: Sendable {
    /// What a receipt of the chunk gives the print batch: its QR code and, when kept, its pages.
    typealias Rendered = (qrCode: QRCodeImage, pages: PreparedPages?)

    /// The chunk's receipts and the paths of their files, in rendering order (``ReceiptPlan/accountIDs``);
    /// a nil path: no separate file, the receipt's pages for the batch only.
    let contents: [ReceiptContent]
    let paths: [String?]
    private let files: OutputFile.Group
    private let group = DispatchGroup()
    private let outcome = Mutex<Result<[Rendered], any Error>?>(nil)

    /// Starts rendering `contents` into the files `paths` of `folder`, keeping the pages of paper
    /// receipts when `keepingPages` (a receipt without a path is rendered as pages only).
    init(_ contents: [ReceiptContent], paths: [String?], folder: String, keepingPages: Bool, renderer: any ReceiptRendering) {
        self.contents = contents
        self.paths = paths
        files = OutputFile.Group(folder: folder)
        DispatchQueue.global().async(group: group) { [self] in
            let result = Result { () throws -> [Rendered] in
                try Self.render(contents, paths: paths, into: files, keepingPages: keepingPages, renderer: renderer)
            }
            outcome.withLock { $0 = result }
        }
    }

    /// Waits for the chunk, hands its files to `committer` and returns what each receipt gives the
    /// batch, in order.
    /// - Throws: the first failure in content order (no file of the chunk is put in place), or the
    ///   failure of an earlier chunk's commit.
    func finish(committingWith committer: BackgroundCommit) throws -> [Rendered] {
        group.wait()
        guard let result = outcome.withLock({ $0 }) else { throw AppError(.internalError, .receiptNotRendered) }
        let rendered = try result.get()
        try committer.commit(files)
        return rendered
    }

    /// Waits for the chunk without looking at its outcome (a run that fails lets it end first).
    func wait() { group.wait() }

    /// Renders each receipt and writes it into `files` (one without a path: its pages only), on every
    /// core (`DispatchQueue.concurrentPerform` bounds the threads by the core count).
    private static func render(_ contents: [ReceiptContent], paths: [String?], into files: OutputFile.Group, keepingPages: Bool,
                               renderer: any ReceiptRendering) throws -> [Rendered] {
        let results = Mutex<[Result<Rendered, any Error>?]>(Array(repeating: nil, count: contents.count))
        DispatchQueue.concurrentPerform(iterations: contents.count) { index in
            let content = contents[index]
            let result = Result { () throws -> Rendered in
                let qrCode = try renderer.qrCode(for: content)
                guard let path = paths[index] else {
                    return (qrCode: qrCode, pages: try renderer.pages(content, qrCode: qrCode))
                }
                let attachment = PDFAttachment(name: "receipt.xml", data: content.xml, mimeType: "application/xml",
                                               description: "Данные квитанции " + content.number.text, relationship: "Data")
                let rendered = try renderer.render(content, qrCode: qrCode, attachment: attachment)
                try files.write(rendered.file, to: path)
                return (qrCode: qrCode, pages: keepingPages && !content.account.receivesEReceipts ? rendered.pages : nil)
            }
            results.withLock { $0[index] = result }
        }
        return try results.withLock { $0 }.map { slot in
            guard let slot else { throw AppError(.internalError, .receiptNotRendered) }
            return try slot.get()
        }
    }
}
