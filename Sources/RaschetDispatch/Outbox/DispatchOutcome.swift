public import RaschetCore

/// What a dispatch did with one account, for the report.
public struct DispatchOutcome: Sendable, Hashable {
    public enum Result: String, Sendable, Hashable {
        /// The server accepted the message in this run.
        case sent
        /// Refused permanently (5xx), or given up after the retries of a temporary failure.
        case failed
        /// Not attempted: already sent, failed before, no receipt file, a bad address.
        case skipped
        /// An earlier run was interrupted after recording the attempt and before the server's
        /// answer: it may have been delivered. Check, then `--resend` if it was not.
        case unknown
        /// `--dry-run`: would be sent.
        case wouldSend = "would-send"
    }

    public var account: String
    public var email: String
    public var result: Result
    /// Why (for anything but `sent`), or the server's answer (for `sent`), from the message catalog.
    public var reason: Message

    public init(account: String, email: String, result: Result, reason: Message) {
        self.account = account; self.email = email; self.result = result; self.reason = reason
    }
}
