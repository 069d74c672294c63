/// One e-receipt in the outbox: the message for one account and period, and what became of it.
///
/// The outbox is what makes a dispatch safe to rerun and to kill: an attempt is recorded
/// (`sending`, `attempts + 1`) and committed before the message's DATA terminator goes to the
/// server, and the acceptance (`sent`, the server's answer) after the server's 250. An entry found
/// in `sending` at the start of a run was interrupted between those two points: the server may or
/// may not have accepted it, so it is reported as unknown and not sent again unless `--resend`.
public struct OutboxEntry: Sendable, Hashable {
    /// Where a message stands.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Not yet attempted, or attempted and failed temporarily (it will be retried).
        case pending
        /// An attempt was recorded and its outcome was never recorded: possibly delivered.
        case sending
        /// The server accepted the message (a 250 after the data).
        case sent
        /// The server refused the message permanently (5xx); not retried without `--resend`.
        case failed
    }

    public var account: String
    public var period: Period
    public var status: Status
    /// Attempts recorded so far (each one counted before its data was sent).
    public var attempts: Int
    /// The last failure in English, for the record (the report shows it in the locale's language);
    /// nil after a success.
    public var lastError: String?
    /// The server's last reply to the message ("250 2.0.0 Ok: queued as ..."), when one came.
    public var serverAnswer: String?
    /// The message's `Message-ID` (without angle brackets).
    public var messageID: String
    /// The recipient address the message went or goes to.
    public var email: String

    public init(account: String, period: Period, status: Status = .pending, attempts: Int = 0,
                lastError: String? = nil, serverAnswer: String? = nil, messageID: String, email: String) {
        self.account = account; self.period = period; self.status = status; self.attempts = attempts
        self.lastError = lastError; self.serverAnswer = serverAnswer; self.messageID = messageID; self.email = email
    }
}
