import ArgumentParser
import Foundation
import RaschetCore
import RaschetDispatch
import RaschetStore

/// `raschet dispatch --period YYYY-MM`: e-mails the period's e-receipts (SPEC sections 5 and 6).
/// The work is `Dispatcher`'s (in `RaschetDispatch`); this command gathers the recipients from the
/// store, wires the outbox to it, shows progress and reports.
struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "E-mail the period's e-receipts to the accounts that chose them.",
        discussion: """
            Only accounts with e_receipt = 1, email_confirmed = 1 and an address get a message, with the \
            receipt PDF from --receipts (default: receipts/YYYY-MM/ next to the database) attached. \
            Every message goes through the outbox: a rerun sends only what the server has not accepted. \
            A message whose run was interrupted between sending and the server's answer is reported as \
            unknown and not sent again: check the server's log, then --resend. The report goes to \
            standard output and to DB.dispatch-YYYY-MM.csv. The SMTP password comes from \
            RASCHET_SMTP_PASSWORD. Exit 69 when the mail server cannot be used.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period whose receipts to send.", valueName: "YYYY-MM"))
    var period: String

    @Option(help: ArgumentHelp("The server, overriding [smtp] host, port and security: smtp://[user@]host:port (security as the settings say, else off), smtps://... (TLS), smtp+starttls://...", valueName: "URL"))
    var smtp: String?

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

    func validate() throws {
        guard Period(parsing: period) != nil else { throw ValidationError("the period must be YYYY-MM, for example 2026-10") }
        if let smtp, (try? SMTPURL(smtp)) == nil {
            throw ValidationError("--smtp must look like smtp://[user@]host:port, smtps://host:port or smtp+starttls://host:port")
        }
    }

    func run() throws {
        try reportingFailures {
            let period = Period(parsing: self.period)!
            let settings = try SettingsFile.load(global.config)
            let store = try Store.open(at: global.db)
            let configuration = try dispatchConfiguration(period: period, settings: settings)
            let templates = try loadTemplates()
            let folder = receipts ?? ((global.db as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("receipts/" + period.code)
            let recipients = try store.eReceiptRecipients(period: period, accounts: accounts)
            let dispatcher = Dispatcher(configuration: configuration, outbox: StoreOutbox(store: store),
                                        receipts: ReceiptDirectory(path: folder), templates: templates)
            let bar = SendableProgress(ProgressBar(label: "dispatch \(period.code)"))
            let result = try blocking { try await dispatcher.run(recipients: recipients) { bar.update($0, $1) } }
            bar.finish()
            try write(result, period: period)
            if let failure = result.unavailable {
                CommandFailure.printError("the mail server cannot be used: \(failure.description); the outbox keeps every unsent message, run the command again when the server is back")
                throw ExitCode(ExitStatus.unavailable)
            }
        }
    }

    private func loadTemplates() throws -> ReceiptEmailTemplates {
        do throws(DispatchError) {
            guard let folder = ResourceLocator.folder("Templates") else {
                throw DispatchError(.missingInput, "Templates/ not found; set RASCHET_HOME to the distribution folder")
            }
            return try ReceiptEmailTemplates(directory: (folder as NSString).appendingPathComponent("email"))
        } catch {
            CommandFailure.printError(error.message)
            throw ExitCode(error.code == .missingInput ? ExitStatus.missingInput : ExitStatus.badData)
        }
    }

    private func dispatchConfiguration(period: Period, settings: Settings) throws -> Dispatcher.Configuration {
        let configFile = global.config ?? "raschet.toml"
        var smtpSettings = settings.smtp ?? SMTPSettings(security: .off, fromAddress: settings.organization?.email ?? "raschet@localhost")
        if let smtp {
            let url = try SMTPURL(smtp)
            smtpSettings.host = url.host
            smtpSettings.port = url.port
            smtpSettings.security = url.security ?? (settings.smtp?.security ?? .off)
            if let user = url.user { smtpSettings.user = user }
        }
        let password = ProcessInfo.processInfo.environment["RASCHET_SMTP_PASSWORD"]
        if smtpSettings.user != nil && password == nil && !dryRun {
            throw SettingsError(file: configFile, key: "smtp.user", message: "a user is set but RASCHET_SMTP_PASSWORD is not; set the environment variable to the password")
        }
        let dueDate: CivilDate
        do {
            dueDate = try settings.billingRules.dueDate(for: period)
        } catch {
            throw SettingsError(file: configFile, key: "billing.due_day", message: "\(error)")
        }
        let security: SMTPEndpoint.Security = switch smtpSettings.security {
        case .tls: .implicitTLS
        case .starttls: .startTLS(.required)
        case .off: .startTLS(.off)
        }
        let endpoint = SMTPEndpoint(host: smtpSettings.host, port: smtpSettings.port, security: security, caFile: smtpSettings.caFile,
                                    user: smtpSettings.user, password: password, timeoutSeconds: Int64(smtpSettings.timeoutSeconds))
        return Dispatcher.Configuration(
            period: period, endpoint: endpoint,
            from: MailAddress(smtpSettings.fromAddress, name: smtpSettings.fromName ?? settings.organization?.name),
            organization: settings.organization?.name ?? "расчетный центр", contact: settings.organization?.phone,
            dueDate: dueDate, ratePerSecond: smtpSettings.ratePerSecond, ratePerHour: smtpSettings.ratePerHour,
            batchSize: smtpSettings.batchSize,
            retry: RetryPolicy(attempts: smtpSettings.retryAttempts, baseDelayNanoseconds: Int64(smtpSettings.retryDelaySeconds) * 1_000_000_000),
            resend: resend, dryRun: dryRun, wallClock: { Int64(Date().timeIntervalSince1970) })
    }

    private func write(_ result: DispatchReport, period: Period) throws {
        let path = report ?? global.db + ".dispatch-" + period.code + ".csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(result.csv.utf8)) else {
            CommandFailure.printError("\(path): cannot write the report; check the folder exists and is writable")
            throw ExitCode(73)
        }
        let verb = dryRun ? "dry run of dispatch" : "dispatch"
        print("\(verb) \(period.code): \(result.count(.sent)) sent, \(result.count(.failed)) failed, "
            + "\(result.count(.skipped)) skipped, \(result.count(.unknown)) unknown"
            + (dryRun ? ", \(result.count(.wouldSend)) would be sent" : ""))
        for outcome in result.outcomes where outcome.result != .sent && outcome.result != .wouldSend {
            print("  \(outcome.account) <\(outcome.email)> \(outcome.result.rawValue): \(outcome.reason)")
        }
        print("report: \(path)")
    }
}

/// The store as the dispatcher's outbox.
private struct StoreOutbox: OutboxStorage {
    let store: Store

    func entries(period: Period) throws -> [String: OutboxEntry] { try store.outboxEntries(period: period) }
    func save(_ entry: OutboxEntry) throws { try store.saveOutboxEntry(entry) }
}

/// The progress bar, handed to the dispatch task; drawn from one task at a time.
private final class SendableProgress: @unchecked Sendable {
    private let bar: ProgressBar
    init(_ bar: ProgressBar) { self.bar = bar }
    func update(_ done: Int, _ total: Int) { bar.update(done: done, total: total) }
    func finish() { bar.finish() }
}

/// Runs async work from a synchronous command and waits for it.
private func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// The result of `blocking`'s task, written once before the semaphore is signalled.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
