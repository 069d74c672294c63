import ArgumentParser
import Foundation
import RaschetApp

/// `raschet demo`: the whole pipeline on the bundled Fixtures into a fresh embedded database (`RunDemo`).
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: HelpText.demoAbstract.localized
    )

    static let defaultFolder = "demo"

    // Optional, with the default in the help text (see `GlobalOptions.databaseOption`).
    @Option(name: .customLong("out"), help: help(HelpText.demoOut(default: defaultFolder), valueName: "DIR"))
    var outOption: String?

    var out: String { outOption ?? Self.defaultFolder }

    @Option(help: help(HelpText.demoFixtures, valueName: "DIR"))
    var fixtures: String?

    @Option(help: help(HelpText.demoSMTP, valueName: "URL"))
    var smtp: SMTPURL?

    func run() async throws {
        var demo: RunDemo?
        try reportingFailures {
            let environment = try DocumentEnvironment.fromProcess()
            demo = RunDemo(folder: out, fixtures: fixtures, environment: environment)
            try demo?.run { step in
                switch step {
                case .created(let database):
                    print(CommandText.demoCreated(database).localized)
                case .imported(let files, let folder, let tables):
                    print(CommandText.demoImported(files: files, folder: folder).localized)
                    for table in tables {
                        print(CommandText.demoTableRows(table.entity, rows: table.rows).localized)
                    }
                case .closing:
                    print(CommandText.demoClosing.localized)
                case .closed(let report):
                    print(CommandText.demoClosed(report.month.description, closed: report.closed, parked: report.parked.count,
                                                 charged: report.charged, recalc: report.recalc, penalty: report.penalty,
                                                 paid: report.paid).localized)
                case .exported(let month, let paths):
                    print(CommandText.demoExported(month.description).localized)
                    for path in paths { print("   \(path)") }
                case .rendered(let specimen):
                    print(CommandText.demoSpecimen(specimen).localized)
                case .receipts(let month, let folder, let files, let batch, let batchReceipts, let eReceipts):
                    print(CommandText.demoReceipts(month.description, files: files, folder: folder).localized)
                    print(CommandText.demoPrintBatch(batch, paper: batchReceipts, eReceipts: eReceipts).localized)
                case .statements(let account, let files, let refusal):
                    print(CommandText.demoStatements(account).localized)
                    for file in files { print("   \(file)") }
                    print(CommandText.demoCertificateRefused(refusal).localized)
                }
            }
        }
        guard let smtp, let demo else { return }
        let outcome: Result<DispatchReceipts.Report, AppError>
        do {
            let dispatch = try demo.dispatch(to: smtp, password: ProcessInfo.processInfo.environment["RASCHET_SMTP_PASSWORD"],
                                         language: language)
            outcome = .success(try await dispatch.run())
        } catch {
            outcome = .failure(error)
        }
        try reportingFailures {
            let report = try outcome.get()
            print(CommandText.demoDispatched(report.month.description, server: "\(smtp.host):\(smtp.port)", sent: report.sent,
                                             failed: report.failed, skipped: report.skipped, report: report.reportPath).localized)
            if let unavailable = report.unavailable {
                CommandFailure.printError(CommandText.demoMailServerUnavailable(unavailable))
                throw ExitCode(report.exitCode)
            }
        }
    }
}
