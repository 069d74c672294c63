import ArgumentParser
import Foundation
import RaschetCore
import RaschetIngest
import RaschetStore

/// `raschet demo`: the whole pipeline on the bundled Fixtures into a fresh embedded database.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline on the bundled Fixtures into a fresh database in --out."
    )

    @Option(help: ArgumentHelp("Where the demo's database and outputs go (replaced).", valueName: "DIR"))
    var out: String = "demo"

    @Option(help: ArgumentHelp("The data set to use (default: the bundled Fixtures/).", valueName: "DIR"))
    var fixtures: String?

    func run() throws {
        try reportingFailures {
            guard let fixtures = fixtures ?? ResourceLocator.folder("Fixtures") else {
                throw IngestError(.missingInput, file: "Fixtures", message:
                    "cannot find the bundled Fixtures folder; run from the checkout or pass --fixtures DIR")
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let database = (out as NSString).appendingPathComponent("raschet.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            let (store, _) = try Store.create(at: database)
            print("1. created \(database)")

            let files = try FileManager.default.contentsOfDirectory(atPath: fixtures)
                .filter { $0.hasSuffix(".csv") && Importer.entity(forFileName: $0) != nil }
                .sorted()
                .map { (fixtures as NSString).appendingPathComponent($0) }
            let sources = files.map { Importer.Source(path: $0, kind: nil) }
            let (stored, report) = try store.importRows { sink, known in
                let report = try Importer().read(sources, known: known, into: &sink)
                return (report.problems.isEmpty, report)
            }
            guard let summary = stored else {
                for problem in report.problems { CommandFailure.printError(problem.description) }
                throw ExitCode(ExitStatus.badData)
            }
            print("2. imported \(files.count) files from \(fixtures):")
            for table in summary.tables {
                print("   \(table.kind.name.padding(toLength: 17, withPad: " ", startingAt: 0)) \(table.rows) rows")
            }
        }
    }
}
