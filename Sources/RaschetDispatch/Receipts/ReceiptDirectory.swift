import Foundation
public import RaschetCore

/// Receipt PDFs in a folder, one per account: `<account>_<YYYY-MM>.pdf` (the names
/// `raschet render receipts` writes).
public struct ReceiptDirectory: ReceiptSource {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public func receipt(account: String, period: Period) throws(DispatchError) -> [UInt8] {
        let file = self.file(account: account, period: period)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DispatchError(.missingInput, .receiptFileMissing(file, period: period, folder: path))
        }
        return [UInt8](data)
    }

    /// Asks the kernel to read the file in the background (`POSIX_FADV_WILLNEED`), so that the
    /// reads of many files overlap instead of each waiting for the disk in turn.
    public func willRead(account: String, period: Period) {
        let descriptor = open(file(account: account, period: period), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
        close(descriptor)
    }

    /// The file the receipt of `account` for `period` is read from.
    public func file(account: String, period: Period) -> String {
        (path as NSString).appendingPathComponent(DocumentFileName.receipt(accountID: account, period: period))
    }
}
