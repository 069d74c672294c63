public import RaschetCore

/// Where the receipt PDFs come from. `ReceiptDirectory` reads the files `raschet render receipts`
/// wrote; a source that renders on the fly can take its place.
public protocol ReceiptSource: Sendable {
    /// The PDF of `account`'s receipt for `period`.
    /// - Throws: `DispatchError` (`.missingInput`) with the reason when there is none.
    func receipt(account: String, period: Period) throws(DispatchError) -> [UInt8]

    /// A hint that `account`'s receipt for `period` will be asked for soon (``ReceiptReadAhead``):
    /// a source that reads files starts reading it now. Never fails; a missing receipt is reported
    /// by ``receipt(account:period:)`` when it is asked for.
    func willRead(account: String, period: Period)
}

extension ReceiptSource {
    /// No hint is needed by default.
    public func willRead(account: String, period: Period) {}
}
