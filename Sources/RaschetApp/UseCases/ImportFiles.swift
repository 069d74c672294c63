public import RaschetCore
import RaschetIngest
import RaschetStore

/// `raschet import ENTITY|auto FILE...`: every row of every file checked and stored in one
/// transaction (SPEC section 3); with `partial`, the valid rows are stored and the rejected ones
/// written to `FILE.rejected.csv`, unless a whole file could not be read as rows.
public struct ImportFiles: Sendable {
    /// Rows stored into one table.
    public struct TableCount: Sendable, Hashable {
        public var entity: String
        public var rows: Int
        public var inserted: Int
        public var updated: Int
        public var unchanged: Int
    }

    /// A file whose rejected rows were written next to it (`partial` only).
    public struct RejectedFile: Sendable, Hashable {
        public var file: String
        public var rows: Int
        public var rejectedPath: String
    }

    /// What `run()` did.
    public struct Report: Sendable, Hashable {
        /// The problems to show, as `FILE:LINE: column: message`: the first 100 of each file, then a
        /// line counting the rest (`ImportReport.listing`).
        public var problems: [Message]
        /// How many problems were found in all.
        public var problemCount: Int
        /// How many of them concern a whole file (`ImportReport.fileProblems`), which `partial` does
        /// not leave out.
        public var fileProblemCount = 0
        /// The rows stored per table; nil when nothing was stored (a problem without `partial`, or a
        /// problem with a whole file).
        public var tables: [TableCount]?
        public var rejected: [RejectedFile]

        /// 0 when stored, 65 when the problems kept the whole import out.
        public var exitCode: Int32 { tables == nil ? ExitStatus.badData.rawValue : 0 }
    }

    public var database: String
    public var entity: ImportEntity
    public var files: [String]
    public var partial: Bool
    public var encoding: ImportEncoding
    /// The language of the reasons in the rejected-rows files (the operator reads them).
    public var language: Language

    public init(database: String, entity: ImportEntity, files: [String], partial: Bool = false,
                encoding: ImportEncoding = .automatic, language: Language = .english) {
        self.database = database
        self.entity = entity
        self.files = files
        self.partial = partial
        self.encoding = encoding
        self.language = language
    }

    public func run() throws(AppError) -> Report {
        guard !files.isEmpty else { throw AppError(.usage, .noFilesToImport) }
        let store = try Workspace(database: database).openStore()
        let importer = Importer(encoding: SourceEncoding(rawValue: encoding.rawValue) ?? .automatic, storesAfterAProblem: partial)
        let sources = files.map { Importer.Source(path: $0, kind: entity.kind) }
        let partial = partial
        // Without `partial` a refused row keeps the whole import out: its rows are only counted.
        let rejectedFiles = partial ? RejectedRowsFiles(language: language) : nil
        defer { rejectedFiles?.discard() }
        let (summary, report) = try AppError.boundary {
            try store.importRows { sink, known, stored in
                let report = try importer.read(sources, known: consume known, stored: stored, into: &sink, rejectedRows: rejectedFiles)
                return (report.problemCount == 0 || (partial && report.fileProblems == 0), report)
            }
        }
        var result = Report(problems: report.listing(), problemCount: report.problemCount, fileProblemCount: report.fileProblems,
                            tables: nil, rejected: [])
        guard let summary else { return result }
        result.tables = summary.tables.map {
            TableCount(entity: $0.kind.name, rows: $0.rows, inserted: $0.inserted, updated: $0.updated, unchanged: $0.unchanged)
        }
        result.rejected = try rejectedFiles?.commit() ?? []
        return result
    }
}
