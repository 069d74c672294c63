import Foundation
public import RaschetCore

/// Receipt PDFs in a folder, one per account: `<account>_<YYYY-MM>.pdf` (the names
/// `raschet render receipts` writes).
public struct ReceiptDirectory: ReceiptSource {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The file name of an account's receipt: characters outside `[A-Za-z0-9._-]` become `_`, and
    /// a leading `.` too (no hidden files).
    public static func fileName(account: String, period: Period) -> String {
        var name = ""
        for scalar in (account + "_" + period.code).unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": name.unicodeScalars.append(scalar)
            default: name.append("_")
            }
        }
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name + ".pdf"
    }

    public func receipt(account: String, period: Period) throws(DispatchError) -> [UInt8] {
        let file = (path as NSString).appendingPathComponent(Self.fileName(account: account, period: period))
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DispatchError(.missingInput, "no receipt file \(file); render it with `raschet render receipts --period \(period.code) --out \(path)`")
        }
        return [UInt8](data)
    }
}
