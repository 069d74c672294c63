/// One server reply (RFC 5321 section 4.2): a three-digit code and its text lines.
public struct SMTPReply: Sendable, Hashable {
    public var code: Int
    /// The text after the code on each line, in order.
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx and 3xx: the command was accepted or the server waits for more.
    public var isPositive: Bool { code >= 200 && code < 400 }
    /// 4xx: a temporary failure; the same command may succeed later.
    public var isTransient: Bool { code >= 400 && code < 500 }
    /// 5xx: a permanent failure; repeating the command will not help.
    public var isPermanent: Bool { code >= 500 }

    /// The reply as one line, for reports: `550 5.1.1 <x@y>: Recipient address rejected`.
    public var summary: String { String(code) + " " + lines.joined(separator: " / ") }
}
