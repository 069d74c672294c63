import Dispatch
import Synchronization
import RaschetCore
import RaschetLayout

/// A print batch filled on a thread of its own, a chunk of receipts at a time: laying out the batch
/// (one document, so one thread) overlaps reading and rendering the next chunk's separate files on the
/// other cores. At most one chunk waits or runs here, so memory stays bounded by two chunks.
///
/// The batch and its file live behind a `Mutex` and are touched only inside it, on the batch's
/// serial queue and at ``finish()``; the chunks are appended in the order given.
final class BackgroundBatch: Sendable {
    private struct State {
        let batch: any ReceiptBatchRendering
        let file: StreamedOutputFile
        /// The first failure; later chunks are skipped and ``append(_:)`` or ``finish()`` throws it.
        var failure: (any Error)?
    }

    private let state: Mutex<State>
    private let queue = DispatchQueue(label: "raschet.receipt-batch")
    private let group = DispatchGroup()

    /// Starts the batch of `renderer`, streamed into `path` (``StreamedOutputFile``).
    init(path: String, renderer: any ReceiptRendering) throws {
        let file = try StreamedOutputFile(path: path)
        let batch = try renderer.makeBatch(writingTo: file)
        state = Mutex(State(batch: batch, file: file, failure: nil))
    }

    /// Waits for the previous chunk, then appends `receipts` (each with its QR code and the pages of its
    /// separate file, if the batch can take them) in the background.
    /// - Throws: the failure of an earlier chunk.
    func append(_ receipts: [ReceiptRun.PaperReceipt]) throws {
        group.wait()
        if let failure = state.withLock({ $0.failure }) { throw failure }
        guard !receipts.isEmpty else { return }
        queue.async(group: group) {
            self.state.withLock { state in
                guard state.failure == nil else { return }
                do {
                    for receipt in receipts { try state.batch.append(receipt.content, qrCode: receipt.qrCode, pages: receipt.pages) }
                } catch {
                    state.failure = error
                }
            }
        }
    }

    /// Waits for the chunk in the background, if any (a run that fails lets it end before it returns,
    /// so that the unfinished file is removed then).
    func drain() {
        group.wait()
    }

    /// Waits for the last chunk, writes the end of the batch and puts the file in place.
    func finish() throws {
        group.wait()
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            try state.batch.finish()
            try state.file.commit()
        }
    }
}
