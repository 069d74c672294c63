import Dispatch
import Synchronization

extension QRCode {
    /// Encodes many payloads on all cores (a batch of receipts, each with its own payment code).
    ///
    /// Results are in the order of `payloads`; libqrencode is thread-safe. Each payload is one work item
    /// on the global concurrent queue, joined by a `DispatchGroup`: the one way the PDF stack runs work
    /// in parallel (the reasons are in PDFWriter's `CompressionJob`). The queue runs about one item per
    /// core; each item writes its own slot of a `Mutex`-guarded array.
    public static func encode(all payloads: [String], errorCorrection: ErrorCorrection = .medium) throws(Failure) -> [QRMatrix] {
        let results = Mutex([Result<QRMatrix, Failure>?](repeating: nil, count: payloads.count))
        let group = DispatchGroup()
        for index in payloads.indices {
            let payload = payloads[index]
            DispatchQueue.global().async(group: group) {
                let result = Result { () throws(Failure) -> QRMatrix in try encode(payload, errorCorrection: errorCorrection) }
                results.withLock { $0[index] = result }
            }
        }
        group.wait()
        return try results.withLock { $0 }.map { result throws(Failure) -> QRMatrix in try result!.get() }
    }
}
