public import RaschetCore
import Dispatch
import Synchronization

/// Sends a period's e-receipts through the outbox: builds each message, records every attempt
/// before its data goes out and every answer after, paces by the rate limit, retries temporary
/// failures with backoff, and reports what happened to each account.
///
/// The never-twice rule: an entry is `sending` from the server's go-ahead to its data (354), just
/// before the message's data is written, until the server's answer is recorded. A run that finds
/// an entry in `sending` cannot know whether the server took the message (a crash, or a connection
/// lost while the data went), so it reports it as `unknown` and leaves it alone; `--resend` sends it
/// again (a second copy if the first did arrive: the user's call, after checking the server's log).
/// A connection lost or a 4xx before the data (from the greeting to DATA) is a plain temporary
/// failure: retried, the entry stays `pending`.
public struct Dispatcher: Sendable {
    /// What to send and how.
    public struct Configuration: Sendable {
        public var period: Period
        public var endpoint: SMTPEndpoint
        public var from: MailAddress
        public var organization: String
        public var contact: String?
        public var dueDate: CivilDate
        public var ratePerSecond: Int
        public var ratePerHour: Int
        /// Messages per connection before it is closed and a new one opened.
        public var batchSize: Int
        public var retry: RetryPolicy
        /// Send again what was sent, failed or left unknown.
        public var resend: Bool
        /// Build and check every message, connect to nothing.
        public var dryRun: Bool
        /// The `Date` header's clock: seconds since 1970 (UTC).
        public var wallClock: @Sendable () -> Int64

        public init(period: Period, endpoint: SMTPEndpoint, from: MailAddress, organization: String,
                    contact: String?, dueDate: CivilDate, ratePerSecond: Int, ratePerHour: Int, batchSize: Int,
                    retry: RetryPolicy, resend: Bool, dryRun: Bool, wallClock: @escaping @Sendable () -> Int64) {
            self.period = period; self.endpoint = endpoint; self.from = from; self.organization = organization
            self.contact = contact; self.dueDate = dueDate; self.ratePerSecond = ratePerSecond
            self.ratePerHour = ratePerHour; self.batchSize = max(1, batchSize); self.retry = retry
            self.resend = resend; self.dryRun = dryRun; self.wallClock = wallClock
        }
    }

    public var configuration: Configuration
    public var outbox: any OutboxStorage
    public var receipts: any ReceiptSource
    public var templates: ReceiptEmailTemplates
    public var clock: any DispatchClock

    public init(configuration: Configuration, outbox: any OutboxStorage, receipts: any ReceiptSource,
                templates: ReceiptEmailTemplates, clock: any DispatchClock = SystemDispatchClock()) {
        self.configuration = configuration; self.outbox = outbox; self.receipts = receipts
        self.templates = templates; self.clock = clock
    }

    /// One message to send; its bytes are built when its turn comes, so a run holds one
    /// message in memory at a time, not the whole batch.
    private struct Job {
        var entry: OutboxEntry
        var recipient: EReceiptRecipient
        var closingBalance: Money
        /// A forced resend (`--resend` of a sent, refused or unknown message): stored only once tried.
        var resent = false
    }

    /// Sends to `recipients` (the period's e-receipt accounts).
    /// - Parameter progress: called after each account with (done, total).
    /// - Returns: the report; `unavailable` is set when the server could not be reached, and the
    ///   accounts not reached stay `pending` in the outbox for the next run.
    /// - Throws: outbox (database) errors only; SMTP failures are in the report.
    public func run(recipients: [EReceiptRecipient], progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> DispatchReport {
        var report = DispatchReport()
        let period = configuration.period
        let existing = try outbox.entries(period: period)
        var jobs: [Job] = []
        let ordered = recipients.sorted(by: { $0.account < $1.account })
        for recipient in ordered {
            func skip(_ result: DispatchOutcome.Result, _ reason: Message) {
                report.outcomes.append(DispatchOutcome(account: recipient.account, email: recipient.email, result: result, reason: reason))
            }
            var entry = existing[recipient.account]
                ?? OutboxEntry(account: recipient.account, period: period, messageID: messageID(recipient.account, generation: 0), email: recipient.email)
            // A resent entry is made pending here, in memory: it is stored when its own attempt starts, so
            // a run that stops first (Ctrl-C, an unreachable server) leaves it as it was, not pending for
            // the next plain run to send.
            var resent = false
            switch (entry.status, configuration.resend) {
            case (.sent, false):
                skip(.skipped, .alreadySent(answer: entry.serverAnswer))
                continue
            case (.sending, false):
                skip(.unknown, .interruptedBeforeAnswer(attempt: entry.attempts))
                continue
            case (.failed, false):
                skip(.skipped, .refusedEarlier(answer: entry.serverAnswer))
                continue
            case (.sent, true), (.sending, true), (.failed, true):
                entry.status = .pending
                entry.messageID = messageID(recipient.account, generation: entry.attempts)
                resent = true
            case (.pending, _):
                break
            }
            entry.email = recipient.email
            guard MailAddress(recipient.email).isWellFormed else {
                skip(.skipped, .malformedEmailAddress(recipient.email))
                continue
            }
            guard let closingBalance = recipient.closingBalance else {
                skip(.skipped, .accountPeriodNotClosed(period.code))
                continue
            }
            if configuration.dryRun {
                jobs.append(Job(entry: entry, recipient: recipient, closingBalance: closingBalance))
                continue
            }
            do {
                _ = try receipts.receipt(account: recipient.account, period: period)
            } catch {
                skip(.skipped, error.message)
                continue
            }
            if existing[recipient.account] != entry, !resent { try outbox.save(entry) }
            jobs.append(Job(entry: entry, recipient: recipient, closingBalance: closingBalance, resent: resent))
        }
        if configuration.dryRun { report.outcomes += build(jobs) }
        if configuration.dryRun || jobs.isEmpty {
            report.outcomes.sort { $0.account < $1.account }
            return report
        }
        try await send(jobs, into: &report, progress: progress)
        report.outcomes.sort { $0.account < $1.account }
        return report
    }

    /// The dry run's outcome of each job: its message built and checked (`wouldSend`, with its size), or
    /// why it cannot be (`skipped`). Built on every core, ``ReceiptReadAhead/depth`` jobs at a time with
    /// the receipts of the next ones already requested; the outcomes come in the jobs' order.
    private func build(_ jobs: [Job]) -> [DispatchOutcome] {
        var readAhead = ReceiptReadAhead(accounts: jobs.map(\.recipient.account), period: configuration.period, source: receipts)
        var outcomes: [DispatchOutcome] = []
        outcomes.reserveCapacity(jobs.count)
        var start = 0
        while start < jobs.count {
            let chunk = jobs[start..<min(start + ReceiptReadAhead.depth, jobs.count)]
            readAhead.reading(chunk.endIndex - 1)
            // Each message's size, or why it cannot be built; every slot is filled once `concurrentPerform` returns.
            let results = Mutex<[Result<Int, DispatchError>]>(Array(repeating: .success(0), count: chunk.count))
            DispatchQueue.concurrentPerform(iterations: chunk.count) { offset in
                let job = chunk[chunk.startIndex + offset]
                let result = Result { () throws(DispatchError) -> Int in
                    try makeEnvelope(job.recipient, closingBalance: job.closingBalance, messageID: job.entry.messageID).data.count
                }
                results.withLock { $0[offset] = result }
            }
            for (job, result) in zip(chunk, results.withLock { $0 }) {
                let (kind, reason): (DispatchOutcome.Result, Message) = switch result {
                case .success(let bytes): (.wouldSend, .wouldSendBytes(bytes))
                case .failure(let error): (.skipped, error.message)
                }
                outcomes.append(DispatchOutcome(account: job.recipient.account, email: job.recipient.email, result: kind, reason: reason))
            }
            start = chunk.endIndex
        }
        return outcomes
    }

    /// `raschet.2026-10.4102470007@domain`, and `.rN` after it for a forced resend, N the attempts
    /// that had reached the data before it.
    private func messageID(_ account: String, generation: Int) -> String {
        let safe = DocumentFileName.receipt(accountID: account, period: configuration.period).dropLast(4)
        return "raschet." + safe + (generation > 0 ? ".r" + String(generation) : "") + "@" + configuration.from.domain
    }

    /// The message for `recipient` with its receipt attached, as the SMTP envelope's data.
    /// - Throws: the receipt source's error when there is no receipt.
    private func makeEnvelope(_ recipient: EReceiptRecipient, closingBalance: Money, messageID: String) throws(DispatchError) -> SMTPEnvelope {
        let pdf = try receipts.receipt(account: recipient.account, period: configuration.period)
        let message = makeMessage(recipient, closingBalance: closingBalance, pdf: pdf, messageID: messageID)
        return SMTPEnvelope(sender: configuration.from.address, recipient: recipient.email, data: message.bytes())
    }

    private func makeMessage(_ recipient: EReceiptRecipient, closingBalance: Money, pdf: [UInt8], messageID: String) -> MailMessage {
        let fields = ReceiptEmailFields(account: recipient.account, payer: recipient.name, period: configuration.period,
                                        closingBalance: closingBalance, dueDate: configuration.dueDate,
                                        organization: configuration.organization, contact: configuration.contact)
        let (subject, text, html) = templates.render(fields)
        let fileName = "Квитанция " + recipient.account + " " + configuration.period.russianName + ".pdf"
        return MailMessage(from: configuration.from, to: MailAddress(recipient.email, name: recipient.name),
                           subject: subject, textBody: text, htmlBody: html,
                           attachment: MailAttachment(fileName: fileName, contentType: "application/pdf", bytes: pdf),
                           messageID: messageID, date: MailDate(secondsSince1970: configuration.wallClock()))
    }

    private func send(_ jobs: [Job], into report: inout DispatchReport, progress: @Sendable (Int, Int) -> Void) async throws {
        var limiter = RateLimiter(perSecond: configuration.ratePerSecond, perHour: configuration.ratePerHour)
        var connection: SMTPConnection?
        var sentOnConnection = 0
        var reached = 0
        var readAhead = ReceiptReadAhead(accounts: jobs.map(\.recipient.account), period: configuration.period, source: receipts)
        jobs: for (index, job) in jobs.enumerated() {
            reached = index + 1
            readAhead.reading(index)
            var entry = job.entry
            var failedTries = 0
            func outcome(_ result: DispatchOutcome.Result, _ reason: Message) {
                report.outcomes.append(DispatchOutcome(account: entry.account, email: entry.email, result: result, reason: reason))
            }
            let envelope: SMTPEnvelope
            do {
                envelope = try makeEnvelope(job.recipient, closingBalance: job.closingBalance, messageID: entry.messageID)
            } catch {
                outcome(.skipped, error.message)
                continue jobs
            }
            attempts: while true {
                if let open = connection, sentOnConnection >= configuration.batchSize {
                    await open.quit()
                    connection = nil
                }
                let wait = limiter.delay(at: clock.now())
                if wait > 0 { try await clock.sleep(nanoseconds: wait) }
                var recorded = false
                do {
                    if connection == nil {
                        connection = try await SMTPConnection.open(configuration.endpoint)
                        sentOnConnection = 0
                    }
                    guard let open = connection else { continue attempts }
                    try await open.begin(envelope)
                    entry.status = .sending
                    entry.attempts += 1
                    try outbox.save(entry)
                    recorded = true
                    let answer = try await open.finish()
                    limiter.record(at: clock.now())
                    sentOnConnection += 1
                    entry.status = .sent
                    entry.lastError = nil
                    entry.serverAnswer = answer.summary
                    try outbox.save(entry)
                    outcome(.sent, .acceptedByServer(answer: answer.summary))
                    break attempts
                } catch let error as SMTPError {
                    if !error.isPerMessage {
                        if let open = connection { await open.quit() }
                        connection = nil
                    }
                    if recorded && !error.isPerMessage {
                        // The terminator may have reached the server: outcome unknown, never resent here.
                        entry.lastError = error.description
                        try outbox.save(entry)
                        outcome(.unknown, .brokeAfterSending(error.userText))
                        break attempts
                    }
                    // Only a refusal of this message fails it; a session that cannot go on
                    // (login, TLS) leaves it pending for the next run, and a forced resend as it was.
                    let refused = error.isPerMessage && !error.isTransient
                    entry.status = refused ? .failed : .pending
                    entry.lastError = error.description
                    entry.serverAnswer = error.reply?.summary
                    if refused || !job.resent { try outbox.save(entry) }
                    if !error.isTransient {
                        if !error.isPerMessage {
                            // Authentication, TLS, protocol: no message can go; stop here.
                            report.unavailable = error
                            outcome(.failed, error.userText)
                            break jobs
                        }
                        outcome(.failed, error.userText)
                        break attempts
                    }
                    failedTries += 1
                    if failedTries >= configuration.retry.attempts {
                        // Not this message's fault (the server unreachable, silent, or refusing the
                        // session or the sender for now): the next would fare the same; stop here.
                        if !error.isPerMessage {
                            report.unavailable = error
                            outcome(.failed, job.resent ? .notResentServerUnavailable : .stillPendingRerunSends(error.userText))
                            break jobs
                        }
                        outcome(.failed, .failedAfterTries(error.userText, tries: failedTries))
                        break attempts
                    }
                    try await clock.sleep(nanoseconds: configuration.retry.delay(afterFailedTry: failedTries))
                }
            }
            progress(index + 1, jobs.count)
        }
        if let connection { await connection.quit() }
        for job in jobs[reached...] {
            report.outcomes.append(DispatchOutcome(account: job.entry.account, email: job.entry.email, result: .skipped,
                                                   reason: job.resent ? .notResentServerUnavailable : .notAttemptedServerUnavailable))
        }
    }
}
