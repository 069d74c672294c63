public import RaschetCore

/// A failure talking to the mail server, with the server's reply when there was one.
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No connection could be made (exit 69).
        case unreachable
        /// The server did not answer within the step's time limit.
        case timeout
        /// The connection was closed or broke in the middle of a conversation.
        case connectionLost
        /// The TLS handshake failed, or STARTTLS was required and not offered.
        case tls
        /// The server refused the user name and password, or offers no way to send them.
        case authentication
        /// The server refused the sender (MAIL FROM): every message has that sender, so no message
        /// can go (a wrong `from_address`, a sender's quota).
        case senderRefused
        /// The server refused the recipient (RCPT TO).
        case recipientRefused
        /// The server refused the message itself (DATA, or after its data), e.g. too large.
        case messageRefused
        /// The server's greeting or EHLO was a refusal.
        case sessionRefused
        /// The server broke the protocol.
        case protocolViolation
    }

    public var kind: Kind
    /// What went wrong and the fix, from the message catalog (without the server's reply).
    public var message: Message
    /// The server's reply behind the failure, if any.
    public var reply: SMTPReply?

    public init(_ kind: Kind, _ message: Message, reply: SMTPReply? = nil) {
        self.kind = kind
        self.message = message
        self.reply = reply
    }

    /// Whether trying again later may succeed: a 4xx reply, a lost connection or a timeout.
    /// A 5xx reply, a failed authentication or TLS setup, and a protocol violation are permanent.
    public var isTransient: Bool {
        if let reply { return reply.isTransient }
        switch kind {
        case .unreachable, .timeout, .connectionLost: return true
        default: return false
        }
    }

    /// Whether the failure concerns one message only (the session can go on with the next).
    public var isPerMessage: Bool {
        switch kind {
        case .recipientRefused, .messageRefused: return true
        default: return false
        }
    }

    /// The message with the server's reply, when there was one.
    public var userText: Message { reply.map { .withServerReply(message, $0.summary) } ?? message }

    public var description: String { userText.english }
}
