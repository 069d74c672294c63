import ArgumentParser
import Foundation
import RaschetApp

/// `raschet demo`: the whole pipeline on the bundled Fixtures into a fresh embedded database (`RunDemo`).
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the pipeline on the bundled Fixtures into a fresh database in --out."
    )

    @Option(help: ArgumentHelp("Where the demo's database and outputs go (replaced).", valueName: "DIR"))
    var out: String = "demo"

    @Option(help: ArgumentHelp("The data set to use (default: the bundled Fixtures/).", valueName: "DIR"))
    var fixtures: String?

    @Option(help: ArgumentHelp("Also e-mail the e-receipts to this (test) server, e.g. smtp://127.0.0.1:2525.", valueName: "URL"))
    var smtp: SMTPURL?

    func run() async throws {
        var demo: RunDemo?
        try reportingFailures {
            let environment = try DocumentEnvironment.fromProcess()
            demo = RunDemo(folder: out, fixtures: fixtures, environment: environment)
            try demo?.run { step in
                switch step {
                case .created(let database):
                    print("1. created \(database)")
                case .imported(let files, let folder, let tables):
                    print("2. imported \(files) files from \(folder):")
                    for table in tables {
                        print("   \(table.entity.padding(toLength: 17, withPad: " ", startingAt: 0)) \(table.rows) rows")
                    }
                case .closing:
                    print("3. monthly closes:")
                case .closed(let report):
                    print("   \(report.month): \(report.closed) accounts closed, \(report.parked.count) parked; "
                        + "charged \(report.charged), recalc \(report.recalc), penalty \(report.penalty), paid \(report.paid)")
                case .exported(let month, let paths):
                    print("4. exports of \(month):")
                    for path in paths { print("   \(path)") }
                case .rendered(let specimen):
                    print("5. document engine specimen: \(specimen)")
                case .receipts(let month, let folder, let files, let batch, let batchReceipts, let eReceipts):
                    print("6. receipts of \(month): \(files) PDF/A-3b files in \(folder)")
                    print("   print batch: \(batch) (\(batchReceipts) paper receipts; \(eReceipts) e-receipt accounts left out)")
                case .statements(let account, let files, let refusal):
                    print("7. statements of business account \(account):")
                    for file in files { print("   \(file)") }
                    print("   no-debt certificate refused on the last closed day: \(refusal)")
                }
            }
        }
        guard let smtp, let demo else { return }
        let outcome: Result<DispatchReceipts.Report, AppError>
        do {
            let dispatch = try demo.dispatch(to: smtp, password: ProcessInfo.processInfo.environment["RASCHET_SMTP_PASSWORD"])
            outcome = .success(try await dispatch.run())
        } catch {
            outcome = .failure(error)
        }
        try reportingFailures {
            let report = try outcome.get()
            print("8. e-receipts of \(report.month) to \(smtp.host):\(smtp.port): \(report.sent) sent, \(report.failed) failed, "
                + "\(report.skipped) skipped; report \(report.reportPath)")
            if let unavailable = report.unavailable {
                CommandFailure.printError("the mail server cannot be used: \(unavailable)")
                throw ExitCode(report.exitCode)
            }
        }
    }
}
