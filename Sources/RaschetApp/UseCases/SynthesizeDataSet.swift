import Foundation
import RaschetCore
import RaschetSynth

/// `raschet synth`: a deterministic synthetic data set in the CSV formats of SPEC section 3, ready
/// to close for a period; with `months` > 1, the inputs of that many consecutive months, one folder
/// per month (`DIR/YYYY-MM/`): the first holds the whole set, each later one what arrives before its
/// close (`SyntheticDataSet.generateMonth`).
public struct SynthesizeDataSet: Sendable {
    /// What `run()` wrote.
    public struct Report: Sendable, Hashable {
        public var files: Int
        public var accounts: Int
        public var month: BillingMonth
        public var months: Int
        public var seed: UInt64
        public var folder: String
    }

    /// The accounts a data set may have.
    public static let accountRange = 1...99_999_999
    /// The consecutive months a data set may have.
    public static let monthRange = 1...36
    /// The months of readings before the period a data set may have (`SyntheticDataSet.historyMonths`).
    public static let historyRange = 1...24

    public var accounts: Int
    /// The folder the CSV files go into (created if needed).
    public var folder: String
    /// The same seed, count and month give the same bytes.
    public var seed: UInt64
    public var month: BillingMonth
    /// Consecutive months from `month`: 1 writes the files into `folder` itself, more write one
    /// subfolder per month.
    public var months: Int
    /// Months of readings before the period (`SyntheticDataSet.historyMonths`): 4 gives a newer
    /// meter's 3-month average, 6 and more an older meter's 6-month one.
    public var historyMonths: Int

    public init(accounts: Int, folder: String, seed: UInt64 = 1, month: BillingMonth = .previous(), months: Int = 1,
                historyMonths: Int = 4) {
        self.accounts = accounts
        self.folder = folder
        self.seed = seed
        self.month = month
        self.months = months
        self.historyMonths = historyMonths
    }

    public func run() throws(AppError) -> Report {
        guard Self.accountRange.contains(accounts) else {
            throw AppError(.usage, .accountsOutOfRange(Self.accountRange.upperBound))
        }
        guard Self.monthRange.contains(months) else {
            throw AppError(.usage, .monthsOutOfRange(Self.monthRange.upperBound))
        }
        guard Self.historyRange.contains(historyMonths) else {
            throw AppError(.usage, .historyMonthsOutOfRange(Self.historyRange.upperBound))
        }
        let periods = SyntheticDataSet.periods
        let last = Period(ordinal: month.period.ordinal + months - 1)
        guard periods.contains(month.period), periods.contains(last) else {
            throw AppError(.usage, .synthPeriodOutside(month.period, through: last, first: periods.lowerBound, last: periods.upperBound))
        }
        var set = SyntheticDataSet(accounts: accounts, seed: seed, period: month.period)
        set.months = months
        set.historyMonths = historyMonths
        try OutputFile.createFolder(folder)
        guard months > 1 else {
            try Self.write(into: folder) { write in try set.generate(write) }
            return Report(files: SyntheticDataSet.fileNames.count, accounts: accounts, month: month, months: 1, seed: seed,
                          folder: folder)
        }
        for k in 0..<months {
            let subfolder = (folder as NSString).appendingPathComponent(set.month(k).code)
            try OutputFile.createFolder(subfolder)
            try Self.write(into: subfolder) { write in
                if k == 0 { try set.generate(write) } else { try set.generateMonth(k, write) }
            }
        }
        let files = SyntheticDataSet.fileNames.count + (months - 1) * SyntheticDataSet.monthFileNames.count
        return Report(files: files, accounts: accounts, month: month, months: months, seed: seed, folder: folder)
    }

    /// Runs `generate` with a writer that appends each chunk to its file in `folder`.
    private static func write(into folder: String,
                              _ generate: ((String, [UInt8]) throws -> Void) throws -> Void) throws(AppError) {
        var handles: [String: FileHandle] = [:]
        defer { for handle in handles.values { try? handle.close() } }
        try AppError.boundary {
            try generate { name, chunk in
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
    }
}
