import ArgumentParser
import RaschetApp

/// `raschet import ENTITY|auto FILE...`: atomic CSV/XML import (SPEC section 3).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.importAbstract.localized,
        discussion: HelpText.importDiscussion(entities: ImportEntity.entityNames.joined(separator: ", ")).localized
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: help(HelpText.importEntity, valueName: "entity"))
    var entity: ImportEntity

    @Argument(help: help(HelpText.importFiles))
    var files: [String]

    @Flag(help: help(HelpText.importPartial))
    var partial = false

    /// Nil: `automatic`, as the help text says (see `GlobalOptions.databaseOption`).
    @Option(help: help(HelpText.importEncoding))
    var encoding: ImportEncoding?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError(CommandText.noFilesToImport.localized) }
    }

    func run() throws {
        try reportingFailures {
            let report = try ImportFiles(database: global.db, entity: entity, files: files, partial: partial,
                                         encoding: encoding ?? .automatic, language: language).run()
            for problem in report.problems { CommandFailure.printError(problem) }
            guard let tables = report.tables else {
                // `--partial` is no way out of problems with whole files only.
                let wholeFiles = partial || report.problemCount == report.fileProblemCount
                CommandFailure.printError(wholeFiles ? CommandText.importRefusedForFiles(problems: report.problemCount)
                                                     : CommandText.importRefused(problems: report.problemCount))
                throw ExitCode(report.exitCode)
            }
            for table in tables {
                print(CommandText.tableImported(table.entity, rows: table.rows, inserted: table.inserted, updated: table.updated,
                                                 unchanged: table.unchanged).localized)
            }
            if tables.isEmpty { print(CommandText.noRowsImported.localized) }
            for rejected in report.rejected {
                CommandFailure.printError(CommandText.rowsRejected(rejected.rows, file: rejected.file, path: rejected.rejectedPath))
            }
        }
    }
}
