import Foundation
public import RaschetCore
import RaschetDispatch
import RaschetSettings
import RaschetStore

/// `raschet dispatch --period YYYY-MM`: e-mails the period's e-receipts (SPEC sections 5 and 6) to
/// the accounts with `e_receipt = 1`, a confirmed address and an e-mail. The receipts attached are
/// the rendered PDF/A files of `raschet render receipts` in the receipts folder; the missing ones
/// are rendered first, into that folder. The sending, the outbox rules, pacing and retries are
/// `Dispatcher`'s (`RaschetDispatch`); this use case gathers the recipients and the settings, wires
/// the store's outbox to it and writes the report.
public struct DispatchReceipts: Sendable {
    /// What `run` did, for the front end to print.
    public struct Report: Sendable {
        public var month: BillingMonth
        public var dryRun: Bool
        public var sent: Int
        public var failed: Int
        public var skipped: Int
        public var unknown: Int
        public var wouldSend: Int
        /// Receipts rendered because their file was missing.
        public var rendered: Int
        /// One line per account not sent: `account <email> result: reason`.
        public var problems: [Message]
        /// The CSV report file.
        public var reportPath: String
        /// Why the mail server could not be used (exit 69), when it could not.
        public var unavailable: Message?

        public var exitCode: Int32 { unavailable == nil ? 0 : ExitStatus.unavailable.rawValue }
    }

    public var workspace: Workspace
    public var month: BillingMonth
    /// Overrides the settings' host, port and (unless `smtp://`) security.
    public var server: SMTPURL?
    public var resend: Bool
    public var dryRun: Bool
    /// Only these accounts; empty: every e-receipt account.
    public var accounts: [String]
    /// The receipts folder; nil: `receipts/YYYY-MM/` next to the database.
    public var receiptsFolder: String?
    /// The CSV report; nil: `DB.dispatch-YYYY-MM.csv`, `.accounts.csv` for a run limited by `accounts`
    /// (the whole period's report stays), `.dry-run.csv` for a dry run.
    public var reportPath: String?
    /// The password (`RASCHET_SMTP_PASSWORD`), given by the front end.
    public var password: String?
    /// For rendering missing receipts.
    public var environment: DocumentEnvironment
    /// The language of the reasons in the report file (the operator reads them).
    public var language: Language

    public init(workspace: Workspace, month: BillingMonth, server: SMTPURL? = nil, resend: Bool = false, dryRun: Bool = false,
                accounts: [String] = [], receiptsFolder: String? = nil, reportPath: String? = nil, password: String? = nil,
                environment: DocumentEnvironment, language: Language = .english) {
        self.workspace = workspace; self.month = month; self.server = server; self.resend = resend; self.dryRun = dryRun
        self.accounts = accounts; self.receiptsFolder = receiptsFolder; self.reportPath = reportPath
        self.password = password; self.environment = environment; self.language = language
    }

    /// The receipt files in `folder`.
    private var directory: ReceiptDirectory { ReceiptDirectory(path: folder) }

    /// The receipts folder in use.
    public var folder: String {
        receiptsFolder ?? (FilePathName.folder(of: workspace.database) as NSString)
            .appendingPathComponent("receipts/" + month.period.code)
    }

    public func run(progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws(AppError) -> Report {
        try workspace.refuseReplacing(reportPath)
        // Held to the end of the run; a dry run sends nothing and marks nothing.
        let lock = dryRun ? nil : try workspace.dispatchLock(for: "dispatch " + month.period.code)
        defer { withExtendedLifetime(lock) {} }
        let settings = try workspace.settings()
        let store = try workspace.openStore()
        let configuration = try dispatchConfiguration(settings, store: store)
        let templates = try Self.templates()
        let recipients: [EReceiptRecipient]
        do {
            let closed = try store.closedPeriods()
            guard closed.contains(month.period) else { throw AppError(.badData, .periodNotClosed(month.period, closed: closed)) }
            recipients = try store.eReceiptRecipients(period: month.period, accounts: accounts)
            // An account asked for by name is one that gets e-receipts: a typo or a paper account is said, not passed over.
            let found = Set(recipients.map(\.account))
            if let missing = accounts.first(where: { !found.contains($0) }) {
                _ = try store.knownAccount(missing)
                throw AppError(.badData, .accountGetsNoEReceipts(missing))
            }
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(error)
        }
        let missing = missingReceipts(recipients)
        let rendered = try render(missing)
        // Each outbox mark must be on the disk before the next step goes to the server (OutboxStorage).
        do { try store.syncEveryCommit() } catch { throw AppError(error) }
        let dispatcher = Dispatcher(configuration: configuration, outbox: StoreOutbox(store: store),
                                    receipts: directory, templates: templates)
        var result: DispatchReport
        do { result = try await dispatcher.run(recipients: recipients, progress: progress) } catch { throw AppError(error) }
        if dryRun { result.outcomes = result.outcomes.map { wouldRender($0, missing: missing) } }
        // A dry run's report beside the real one's, not over it.
        let path = reportPath ?? workspace.database + ".dispatch-" + month.period.code + (accounts.isEmpty ? "" : ".accounts")
            + (dryRun ? ".dry-run" : "") + ".csv"
        try OutputFile.write(Array(result.csv(in: language).utf8), to: path)
        return Report(
            month: month, dryRun: dryRun, sent: result.count(.sent), failed: result.count(.failed),
            skipped: result.count(.skipped), unknown: result.count(.unknown), wouldSend: result.count(.wouldSend),
            rendered: rendered,
            problems: result.outcomes.filter { $0.result != .sent && $0.result != .wouldSend }
                .map { CommandText.dispatchProblem(account: $0.account, email: $0.email, result: Self.word($0.result), reason: $0.reason) },
            reportPath: path, unavailable: result.unavailable?.userText)
    }

    private static func word(_ result: DispatchOutcome.Result) -> Message {
        switch result {
        case .sent: CommandText.dispatchResultSent
        case .failed: CommandText.dispatchResultFailed
        case .skipped: CommandText.dispatchResultSkipped
        case .unknown: CommandText.dispatchResultUnknown
        case .wouldSend: CommandText.dispatchResultWouldSend
        }
    }

    /// The recipients (of a closed period) whose receipt file is missing from `folder`.
    private func missingReceipts(_ recipients: [EReceiptRecipient]) -> Set<String> {
        Set(recipients.filter {
            $0.closingBalance != nil && !FileManager.default.fileExists(atPath: directory.file(account: $0.account, period: month.period))
        }.map(\.account))
    }

    /// Renders the receipts of `accounts` into `folder`; none in a dry run, which changes nothing.
    private func render(_ accounts: Set<String>) throws(AppError) -> Int {
        guard !accounts.isEmpty, !dryRun else { return 0 }
        let render = RenderReceipts(workspace: workspace, month: month, outputFolder: folder, accounts: accounts.sorted(),
                                    environment: environment)
        return try render.run().files.count
    }

    /// A dry run's outcome as the run would have it: a receipt whose file is missing would be rendered
    /// first, then sent (its message is not built: the dry run renders nothing).
    private func wouldRender(_ outcome: DispatchOutcome, missing: Set<String>) -> DispatchOutcome {
        guard outcome.result == .skipped, missing.contains(outcome.account),
              outcome.reason == .receiptFileMissing(directory.file(account: outcome.account, period: month.period),
                                                    period: month.period, folder: folder) else { return outcome }
        return DispatchOutcome(account: outcome.account, email: outcome.email, result: .wouldSend, reason: .wouldRenderThenSend)
    }

    /// The e-mail templates in `Templates/email/`.
    static func templates() throws(AppError) -> ReceiptEmailTemplates {
        guard let folder = ResourceLocator.folder("Templates") else {
            throw AppError(.missingInput, .noEmailTemplatesFolder)
        }
        do { return try ReceiptEmailTemplates(directory: (folder as NSString).appendingPathComponent("email")) } catch {
            throw AppError(error)
        }
    }

    /// - Parameter store: its close's receipt terms give the due date the e-mail says, as the receipt does.
    private func dispatchConfiguration(_ settings: Settings, store: Store) throws(AppError) -> Dispatcher.Configuration {
        let configFile = workspace.settingsFile ?? "raschet.toml"
        let period = month.period
        // No server is guessed: without [smtp], the run needs --smtp (a dry run connects to nothing).
        if settings.smtp == nil && server == nil && !dryRun {
            throw AppError(.usage, .noMailServer(workspace.settingsOrigin.path))
        }
        var smtp = settings.smtp ?? SMTPSettings(security: .off, fromAddress: settings.organization?.email ?? "raschet@localhost")
        if let server {
            smtp.host = server.host
            smtp.port = server.port
            smtp.security = server.security ?? (settings.smtp?.security ?? .off)
            if let user = server.user { smtp.user = user }
        }
        if let user = smtp.user, password == nil, !dryRun {
            if server?.user != nil { throw AppError(.badData, .smtpPasswordMissingForURL(user: user)) }
            throw AppError(.badData, .smtpPasswordMissing(workspace.settingsOrigin.path))
        }
        let stored: ReceiptTerms?
        do { stored = try store.receiptTerms(of: period) } catch { throw AppError(error) }
        let dueDate: CivilDate
        do { dueDate = try settings.billingRules.receiptTerms(for: period, storedByClose: stored).dueDate } catch {
            throw AppError(.badData, .dueDayMissing(configFile, error.message))
        }
        let security: SMTPEndpoint.Security = switch smtp.security {
        case .tls: .implicitTLS
        case .starttls: .startTLS(.required)
        case .off: .startTLS(.off)
        }
        let endpoint = SMTPEndpoint(host: smtp.host, port: smtp.port, security: security, caFile: smtp.caFile,
                                    user: smtp.user, password: password, timeoutSeconds: Int64(smtp.timeoutSeconds))
        return Dispatcher.Configuration(
            period: period, endpoint: endpoint,
            from: MailAddress(smtp.fromAddress, name: smtp.fromName ?? settings.organization?.name),
            organization: settings.organization?.name ?? "расчетный центр", contact: settings.organization?.phone,
            dueDate: dueDate, ratePerSecond: smtp.ratePerSecond, ratePerHour: smtp.ratePerHour, batchSize: smtp.batchSize,
            retry: RetryPolicy(attempts: smtp.retryAttempts, baseDelayNanoseconds: Int64(smtp.retryDelaySeconds) * 1_000_000_000),
            resend: resend, dryRun: dryRun, wallClock: { Int64(Date().timeIntervalSince1970) })
    }
}

/// The store's `outbox` table as the dispatcher's outbox.
private struct StoreOutbox: OutboxStorage {
    let store: Store

    func entries(period: Period) throws -> [String: OutboxEntry] { try store.outboxEntries(period: period) }
    func save(_ entry: OutboxEntry) throws { try store.saveOutboxEntry(entry) }
}
