import ArgumentParser
import Foundation
import RaschetApp

/// `raschet dispatch --period YYYY-MM`: e-mails the period's e-receipts (`DispatchReceipts`).
struct DispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "E-mail the period's e-receipts to the accounts that chose them.",
        discussion: """
            Only accounts with e_receipt = 1, email_confirmed = 1 and an address get a message, with the \
            receipt PDF from --receipts (default: receipts/YYYY-MM/ next to the database; missing ones are \
            rendered there first) attached. Every message goes through the outbox: a rerun sends only what \
            the server has not accepted. A message whose run was interrupted between sending and the \
            server's answer is reported as unknown and not sent again: check the server's log, then \
            --resend. The report goes to standard output and to DB.dispatch-YYYY-MM.csv. The SMTP password \
            comes from RASCHET_SMTP_PASSWORD. Exit 69 when the mail server cannot be used.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period whose receipts to send.", valueName: "YYYY-MM"))
    var period: BillingMonth

    @Option(help: ArgumentHelp("The server, overriding [smtp] host, port and security: smtp://[user@]host:port (security as the settings say, else off), smtps://... (TLS), smtp+starttls://...", valueName: "URL"))
    var smtp: SMTPURL?

    @Flag(help: "Send again what was sent, refused or left unknown.")
    var resend = false

    @Flag(help: "Build and check every message; send nothing.")
    var dryRun = false

    @Option(name: .customLong("account"), help: ArgumentHelp("Only this account (repeatable).", valueName: "ID"))
    var accounts: [String] = []

    @Option(help: ArgumentHelp("The folder of receipt PDFs named <account>_<YYYY-MM>.pdf.", valueName: "DIR"))
    var receipts: String?

    @Option(help: ArgumentHelp("Where to write the CSV report (default: DB.dispatch-YYYY-MM.csv).", valueName: "FILE"))
    var report: String?

    func run() async throws {
        let bar = SharedProgressBar(label: "dispatch \(period)")
        let outcome: Result<DispatchReceipts.Report, AppError>
        do {
            let useCase = DispatchReceipts(
                workspace: global.workspace, month: period, server: smtp, resend: resend, dryRun: dryRun, accounts: accounts,
                receiptsFolder: receipts, reportPath: report,
                password: ProcessInfo.processInfo.environment["RASCHET_SMTP_PASSWORD"],
                environment: try DocumentEnvironment.fromProcess())
            outcome = .success(try await useCase.run { bar.update($0, $1) })
        } catch {
            outcome = .failure(error)
        }
        bar.finish()
        try reportingFailures {
            let result = try outcome.get()
            let verb = result.dryRun ? "dry run of dispatch" : "dispatch"
            print("\(verb) \(period): \(result.sent) sent, \(result.failed) failed, \(result.skipped) skipped, \(result.unknown) unknown"
                + (result.dryRun ? ", \(result.wouldSend) would be sent" : "")
                + (result.rendered > 0 ? "; \(result.rendered) missing receipt(s) rendered first" : ""))
            for line in result.problems { print("  " + line) }
            print("report: \(result.reportPath)")
            if let unavailable = result.unavailable {
                CommandFailure.printError("the mail server cannot be used: \(unavailable); the outbox keeps every unsent message, "
                    + "run the command again when the server is back")
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
