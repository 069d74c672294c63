public import RaschetCore

extension ImportReport {
    /// How many problems of one file are listed before the rest are only counted.
    public static let listedProblemsPerFile = 100

    /// The problems as the user reads them: the first `limit` of each file, each as
    /// `FILE:LINE: column: message`, then, for a file with more, one line counting the rest. A file
    /// with a million bad rows gives a readable report, and its first problems show the pattern.
    /// - Complexity: O(problems).
    public func listing(limit: Int = ImportReport.listedProblemsPerFile) -> [Message] {
        var lines: [Message] = []
        var shown: [String: Int] = [:]
        var hidden: [(file: String, count: Int)] = []
        for problem in problems {
            let count = shown[problem.file, default: 0]
            if count < limit {
                lines.append(problem.text)
                shown[problem.file] = count + 1
            } else if let last = hidden.indices.last, hidden[last].file == problem.file {
                hidden[last].count += 1
            } else {
                hidden.append((problem.file, 1))
            }
        }
        for (file, count) in hidden {
            lines.append(.moreProblemsNotListed(file: file, count: count, limit: limit))
        }
        return lines
    }
}
