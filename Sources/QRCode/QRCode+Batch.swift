import Dispatch

extension QRCode {
    /// Encodes many payloads on all cores (a batch of receipts, each with its own payment code).
    ///
    /// Results are in the order of `payloads`; libqrencode is thread-safe. `concurrentPerform` joins
    /// all iterations before returning and runs at most one iteration per core.
    public static func encode(all payloads: [String], errorCorrection: ErrorCorrection = .medium) throws(Failure) -> [QRMatrix] {
        var results = [Result<QRMatrix, Failure>](repeating: .failure(Failure(message: "not encoded")), count: payloads.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: payloads.count) { index in
                buffer[index] = Result { () throws(Failure) -> QRMatrix in
                    try encode(payloads[index], errorCorrection: errorCorrection)
                }
            }
        }
        return try results.map { result throws(Failure) -> QRMatrix in try result.get() }
    }
}
