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
        // The files with problems not listed, in the order their first one came, and how many each.
        var hiddenFiles: [String] = []
        var hidden: [String: Int] = [:]
        for problem in problems {
            let count = shown[problem.file, default: 0]
            if count < limit {
                lines.append(problem.text)
                shown[problem.file] = count + 1
            } else {
                if hidden[problem.file] == nil { hiddenFiles.append(problem.file) }
                hidden[problem.file, default: 0] += 1
            }
        }
        for file in hiddenFiles {
            lines.append(.moreProblemsNotListed(file: file, count: hidden[file, default: 0], limit: limit))
        }
        return lines
    }
}
