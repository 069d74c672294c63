public import RaschetCore

/// What reading a set of input files found wrong (the good rows went to the sink, the refused rows
/// to the import's `RejectedRowsOutput`).
public struct ImportReport: Sendable {
    /// How many problems of one file are listed before the rest are only counted.
    public static let listedProblemsPerFile = 100

    /// The problems found, in the order found: the XML files' reading problems first, then the files
    /// entity by entity in dependency order, each file's rows in file order. Only the first
    /// `listedProblemsPerFile` of each file are kept; `problemCount` counts them all.
    public var found: ProblemList
    /// How many of the problems concern a whole file, not a row: an unreadable file or header, a bad
    /// column, malformed XML, a collection the command does not import. `--partial` leaves out rows
    /// only: a file left out whole would drop its data unseen.
    public var fileProblems: Int
    /// How many rows of each file were refused.
    public var rejectedRows: [String: Int]

    public init(found: ProblemList, fileProblems: Int = 0, rejectedRows: [String: Int] = [:]) {
        self.found = found
        self.fileProblems = fileProblems
        self.rejectedRows = rejectedRows
    }

    /// The problems kept (`found.listed`).
    public var problems: [IngestError] { found.listed }
    /// How many problems were found in all.
    public var problemCount: Int { found.count }

    /// The problems as the user reads them (`ProblemList.lines`).
    public func listing() -> [Message] { found.lines }
}
