import ArgumentParser
import Foundation
import RaschetCore
import RaschetDocuments
import RaschetIngest
import RaschetStore

/// `raschet demo`: the whole pipeline on the bundled Fixtures into a fresh embedded database:
/// import, the three monthly closes the Fixtures cover, the exports, a specimen PDF and the last
/// month's receipts with their print batch.
struct Demo: ParsableCommand {
    /// The months the bundled Fixtures hold data for (`Fixtures/README.md`), closed in order.
    static let fixturePeriods = ["2026-08", "2026-09", "2026-10"].compactMap { Period(parsing: $0) }

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

            let settings = try SettingsFile.load((fixtures as NSString).appendingPathComponent("raschet.toml"))
            print("3. monthly closes:")
            for period in Self.fixturePeriods {
                let report = try store.close(period, rules: settings.billingRules) { _ in }
                print("   \(period.code): \(report.closed) accounts closed, \(report.parked.count) parked; "
                    + "charged \(report.charged.machineString), recalc \(report.recalc.machineString), "
                    + "penalty \(report.penalty.machineString), paid \(report.paid.machineString)")
            }

            let last = Self.fixturePeriods.last!
            print("4. exports of \(last.code):")
            let exports: [(String, ExportTable)] = [
                ("charges-\(last.code).json", .charges(period: last, lines: try store.chargeLines(last))),
                ("balances-\(last.code).json", .balances(period: last, balances: try store.balances(last))),
                ("payments-\(last.code).json", .payments(period: last, payments: try store.postedPayments(last))),
            ]
            for (name, table) in exports {
                let path = (out as NSString).appendingPathComponent(name)
                try Data(table.json.utf8).write(to: URL(fileURLWithPath: path))
                print("   \(path)")
            }

            let specimen = (out as NSString).appendingPathComponent("specimen.pdf")
            let bytes = try SpecimenDocument(text: SpecimenDocument.defaultText, payload: SpecimenDocument.defaultPayload,
                                             creationDate: try RenderEnvironment.creationDate())
                .render(family: try RenderEnvironment.fontFamily(nil))
            try Data(bytes).write(to: URL(fileURLWithPath: specimen))
            print("5. document engine specimen: \(specimen)")

            guard let renderer = try Render.Receipts.makeRenderer(fonts: nil), let payee = settings.organization else {
                print("6. receipts: not rendered (this build has no receipt template renderer)")
                return
            }
            let receipts = (out as NSString).appendingPathComponent("receipts-\(last.code)")
            let batch = (out as NSString).appendingPathComponent("print-batch-\(last.code).pdf")
            let run = ReceiptRun(store: store, period: last, payee: payee, rules: settings.billingRules,
                                 outputFolder: receipts, accounts: nil, batchPath: batch)
            let rendered = try Render.Receipts.render(run) { renderer }
            print("6. receipts of \(last.code): \(rendered.files.count) files in \(receipts); "
                + "print batch of \(rendered.batchReceipts) paper receipts: \(batch)")
        }
    }
}
