import Foundation
import RaschetCore
import RaschetSynth

/// `raschet synth`: a deterministic synthetic data set in the CSV formats of SPEC section 3, ready
/// to close for a period.
public struct SynthesizeDataSet: Sendable {
    /// What `run()` wrote.
    public struct Report: Sendable, Hashable {
        public var files: Int
        public var accounts: Int
        public var month: BillingMonth
        public var seed: UInt64
        public var folder: String
    }

    /// The accounts a data set may have.
    public static let accountRange = 1...99_999_999

    public var accounts: Int
    /// The folder the CSV files go into (created if needed).
    public var folder: String
    /// The same seed, count and month give the same bytes.
    public var seed: UInt64
    public var month: BillingMonth

    public init(accounts: Int, folder: String, seed: UInt64 = 1, month: BillingMonth = .previous()) {
        self.accounts = accounts
        self.folder = folder
        self.seed = seed
        self.month = month
    }

    public func run() throws(AppError) -> Report {
        guard Self.accountRange.contains(accounts) else {
            throw AppError(.usage, .accountsOutOfRange(Self.accountRange.upperBound))
        }
        let periods = SyntheticDataSet.periods
        guard periods.contains(month.period) else {
            throw AppError(.usage, .synthPeriodOutside(month.period, first: periods.lowerBound, last: periods.upperBound))
        }
        try OutputFile.createFolder(folder)
        var handles: [String: FileHandle] = [:]
        defer { for handle in handles.values { try? handle.close() } }
        try AppError.boundary {
            try SyntheticDataSet(accounts: accounts, seed: seed, period: month.period).generate { name, chunk in
                let path = (folder as NSString).appendingPathComponent(name)
                let handle: FileHandle
                if let open = handles[name] {
                    handle = open
                } else {
                    guard FileManager.default.createFile(atPath: path, contents: nil),
                          let created = FileHandle(forWritingAtPath: path) else {
                        throw AppError(.cannotCreateOutput, .cannotCreateFile(path))
                    }
                    handle = created
                    handles[name] = created
                }
                do {
                    try handle.write(contentsOf: chunk)
                } catch {
                    throw AppError.cannotWrite(path, error)
                }
            }
        }
        return Report(files: SyntheticDataSet.fileNames.count, accounts: accounts, month: month, seed: seed, folder: folder)
    }
}
