import RaschetCore

/// Keeps the receipt source reading a few receipts ahead of the one being attached
/// (``ReceiptSource/willRead(account:period:)``). The receipts of a large center, just rendered,
/// are no longer in the page cache: read one after another, each cold file waits for the disk in
/// turn (Benchmarks/JOURNAL.md, "10^4, 10^5 and 10^6 in one run"); with the next ``depth`` files already requested, the
/// disk works on many at once.
struct ReceiptReadAhead {
    /// How many receipts are requested ahead of the one being read.
    static let depth = 64

    private let accounts: [String]
    private let period: Period
    private let source: any ReceiptSource
    /// The accounts before this index have been hinted.
    private var hinted = 0

    /// Read-ahead over `accounts`, in the order their receipts will be read.
    init(accounts: [String], period: Period, source: any ReceiptSource) {
        self.accounts = accounts; self.period = period; self.source = source
    }

    /// The receipt of `accounts[index]` is about to be read: hints it and the ``depth`` - 1 after it.
    mutating func reading(_ index: Int) {
        let end = min(accounts.count, index + Self.depth)
        while hinted < end {
            source.willRead(account: accounts[hinted], period: period)
            hinted += 1
        }
    }
}
