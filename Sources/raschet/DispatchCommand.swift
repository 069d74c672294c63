import ArgumentParser
import Foundation
import RaschetApp

/// `raschet dispatch --period YYYY-MM`: e-mails the period's e-receipts (`DispatchReceipts`).
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: HelpText.dispatchAbstract.localized,
        discussion: HelpText.dispatchDiscussion.localized
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: help(HelpText.dispatchPeriod, valueName: "YYYY-MM"))
    var period: BillingMonth

    @Option(help: help(HelpText.dispatchSMTP, valueName: "URL"))
    var smtp: SMTPURL?

    @Flag(help: help(HelpText.dispatchResend))
    var resend = false

    @Flag(help: help(HelpText.dispatchDryRun))
    var dryRun = false

    @Option(name: .customLong("account"), help: help(HelpText.dispatchAccounts, valueName: "ID"))
    var accounts: [String] = []

    @Option(help: help(HelpText.dispatchReceipts, valueName: "DIR"))
    var receipts: String?

    @Option(help: help(HelpText.dispatchReport, valueName: "FILE"))
    var report: String?

    func run() async throws {
        global.announceSettings()
        let bar = SharedProgressBar(label: CommandText.dispatchProgress(period.description).localized)
        let outcome: Result<DispatchReceipts.Report, AppError>
        do {
            let useCase = DispatchReceipts(
                workspace: global.workspace, month: period, server: smtp, resend: resend, dryRun: dryRun, accounts: accounts,
                receiptsFolder: receipts, reportPath: report,
                password: ProcessInfo.processInfo.environment["RASCHET_SMTP_PASSWORD"],
                environment: try DocumentEnvironment.fromProcess(), language: language)
            outcome = .success(try await useCase.run { bar.update($0, $1) })
        } catch {
            outcome = .failure(error)
        }
        bar.finish()
        try reportingFailures {
            let result = try outcome.get()
            print(CommandText.dispatchSummary(period.description, dryRun: result.dryRun, sent: result.sent, failed: result.failed,
                                              skipped: result.skipped, unknown: result.unknown, wouldSend: result.wouldSend,
                                              rendered: result.rendered).localized)
            for line in result.problems { print("  " + line.localized) }
            print(CommandText.reportWritten(result.reportPath).localized)
            if let unavailable = result.unavailable {
                CommandFailure.printError(CommandText.mailServerUnavailable(unavailable))
                throw ExitCode(result.exitCode)
            }
        }
    }
}

/// The progress bar, updated from the dispatch task; drawn from one task at a time.
private final class SharedProgressBar: @unchecked Sendable {
    private let bar: ProgressBar
    init(label: String) { bar = ProgressBar(label: label) }
    func update(_ done: Int, _ total: Int) { bar.update(done: done, total: total) }
    func finish() { bar.finish() }
}
