import ArgumentParser
import RaschetCore
import RaschetIngest
import RaschetStore

/// `raschet import ENTITY|auto FILE...`: atomic CSV/XML import (SPEC section 3).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CSV or XML files into the database, all or nothing.",
        discussion: """
            ENTITY is one of: \(EntityKind.allCases.map(\.name).joined(separator: ", ")), or `auto` to tell each \
            file's entity from its name (CSV) or content (XML); files are imported in dependency order.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entity the files hold, or `auto`.")
    var entity: String

    @Argument(help: "CSV or XML files.")
    var files: [String]

    @Flag(help: "Store the valid rows and write the rejected ones, with a reason, to FILE.rejected.csv.")
    var partial = false

    @Option(help: "The files' encoding: automatic (UTF-8, or windows-1251 when not valid UTF-8), utf8 or cp1251.")
    var encoding: String = "automatic"

    func validate() throws {
        guard entity == "auto" || EntityKind(name: entity) != nil else {
            throw ValidationError("unknown entity '\(entity)'; use one of: auto, \(EntityKind.allCases.map(\.name).joined(separator: ", "))")
        }
        guard SourceEncoding(rawValue: encoding) != nil else {
            throw ValidationError("unknown encoding '\(encoding)'; use automatic, utf8 or cp1251")
        }
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        try reportingFailures {
            let store = try Store.open(at: global.db)
            let kind = EntityKind(name: entity)
            let importer = Importer(encoding: SourceEncoding(rawValue: encoding) ?? .automatic)
            let sources = files.map { Importer.Source(path: $0, kind: kind) }
            let (summary, report) = try store.importRows { sink, known in
                let report = try importer.read(sources, known: known, into: &sink)
                return (report.problems.isEmpty || partial, report)
            }
            for line in report.listing() { CommandFailure.printError(line) }
            guard let summary else {
                CommandFailure.printError("\(report.problems.count) problem(s); nothing was imported. Fix the rows above, or use --partial to store the valid rows.")
                throw ExitCode(ExitStatus.badData)
            }
            for table in summary.tables {
                print("\(table.kind.name): \(table.rows) rows, \(table.inserted) new, \(table.updated) changed, \(table.unchanged) unchanged")
            }
            if summary.tables.isEmpty { print("no rows imported") }
            for (file, rows) in report.rejected.sorted(by: { $0.key < $1.key }) {
                let path = try RejectedRowsWriter.write(rows, of: file, header: report.headers[file])
                CommandFailure.printError("\(rows.count) row(s) of \(file) rejected; see \(path)")
            }
        }
    }
}
