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
        let file = (path as NSString).appendingPathComponent(DocumentFileName.receipt(accountID: account, period: period))
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DispatchError(.missingInput, .receiptFileMissing(file, period: period, folder: path))
        }
        return [UInt8](data)
    }
}
