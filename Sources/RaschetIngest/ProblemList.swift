public import RaschetCore

/// An import's problems as it keeps them: the first `limit` of each file, in the order found, and
/// how many more each file had. A file with a million bad rows costs the memory of its first
/// problems, not of a million, and its first problems show the pattern.
public struct ProblemList: Sendable {
    /// How many problems of one file are kept and listed before the rest are only counted.
    public let limit: Int
    /// The problems kept, in the order found.
    public private(set) var listed: [IngestError] = []
    /// How many problems were found in all.
    public private(set) var count = 0
    /// How many problems of each file were kept.
    private var listedPerFile: [String: Int] = [:]
    /// The files with problems not kept, in the order their first one came, and how many each.
    private var unlisted: [(file: String, count: Int)] = []
    /// Each file's position in `unlisted`.
    private var unlistedPosition: [String: Int] = [:]

    public init(limit: Int) {
        self.limit = limit
    }

    /// Counts `problem`, and keeps it when its file has fewer than `limit` kept.
    public mutating func append(_ problem: IngestError) {
        count += 1
        let kept = listedPerFile[problem.file, default: 0]
        if kept < limit {
            listed.append(problem)
            listedPerFile[problem.file] = kept + 1
        } else if let position = unlistedPosition[problem.file] {
            unlisted[position].count += 1
        } else {
            unlistedPosition[problem.file] = unlisted.count
            unlisted.append((problem.file, 1))
        }
    }

    /// The problems as the user reads them: the kept ones, each as `FILE:LINE: column: message`,
    /// then, for each file with more, one line counting the rest.
    public var lines: [Message] {
        listed.map(\.text) + unlisted.map { .moreProblemsNotListed(file: $0.file, count: $0.count, limit: limit) }
    }
}
