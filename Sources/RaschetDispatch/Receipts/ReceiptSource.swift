public import RaschetCore

/// Where the receipt PDFs come from. `ReceiptDirectory` reads the files `raschet render receipts`
/// wrote; a source that renders on the fly can take its place.
public protocol ReceiptSource: Sendable {
    /// The PDF of `account`'s receipt for `period`.
    /// - Throws: `DispatchError` (`.missingInput`) with the reason when there is none.
    func receipt(account: String, period: Period) throws(DispatchError) -> [UInt8]
}
