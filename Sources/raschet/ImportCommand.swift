import ArgumentParser
import RaschetApp

/// `raschet import ENTITY|auto FILE...`: atomic CSV/XML import (SPEC section 3).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import CSV or XML files into the database, all or nothing.",
        discussion: """
            ENTITY is one of: \(ImportEntity.entityNames.joined(separator: ", ")), or `auto` to tell each \
            file's entity from its name (CSV) or content (XML); files are imported in dependency order.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The entity the files hold, or `auto`.", valueName: "entity"))
    var entity: ImportEntity

    @Argument(help: "CSV or XML files.")
    var files: [String]

    @Flag(help: "Store the valid rows and write the rejected ones, with a reason, to FILE.rejected.csv.")
    var partial = false

    @Option(help: "The files' encoding: automatic (UTF-8, or windows-1251 when not valid UTF-8), utf8 or cp1251.")
    var encoding: ImportEncoding = .automatic

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
    }

    func run() throws {
        try reportingFailures {
            let report = try ImportFiles(database: global.db, entity: entity, files: files, partial: partial, encoding: encoding).run()
            for problem in report.problems { CommandFailure.printError(problem) }
            guard let tables = report.tables else {
                CommandFailure.printError("\(report.problemCount) problem(s); nothing was imported. Fix the rows above, or use --partial to store the valid rows.")
                throw ExitCode(report.exitCode)
            }
            for table in tables {
                print("\(table.entity): \(table.rows) rows, \(table.inserted) new, \(table.updated) changed, \(table.unchanged) unchanged")
            }
            if tables.isEmpty { print("no rows imported") }
            for rejected in report.rejected {
                CommandFailure.printError("\(rejected.rows) row(s) of \(rejected.file) rejected; see \(rejected.rejectedPath)")
            }
        }
    }
}
