import RaschetCore

/// Assembles replies from the server's lines: `250-first`, `250-more`, `250 last` (RFC 5321
/// section 4.2.1). Fed whole lines (without CRLF); yields a reply at its last line.
public struct SMTPReplyParser: Sendable {
    private var code: Int?
    private var lines: [String] = []

    public init() {}

    /// Whether lines of a reply have come and its last has not.
    public var isInsideReply: Bool { code != nil }

    /// Takes one line.
    /// - Returns: the complete reply when `line` ends one, else nil.
    /// - Throws: `SMTPError` (`.protocolViolation`) for a line that is not `NNN`, `NNN-text` or
    ///   `NNN text`, or whose code differs from the previous lines of the same reply.
    public mutating func feed(_ line: String) throws(SMTPError) -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              bytes[0] >= UInt8(ascii: "2"), bytes[0] <= UInt8(ascii: "5"),
              bytes.count == 3 || bytes[3] == UInt8(ascii: " ") || bytes[3] == UInt8(ascii: "-") else {
            throw SMTPError(.protocolViolation, .notAnSMTPReply(String(line.prefix(80))))
        }
        let lineCode = Int(bytes[0] - 48) * 100 + Int(bytes[1] - 48) * 10 + Int(bytes[2] - 48)
        if let code, code != lineCode {
            throw SMTPError(.protocolViolation, .mixedReplyCodes(code, lineCode))
        }
        code = lineCode
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard bytes.count == 3 || bytes[3] == UInt8(ascii: " ") else { return nil }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        return reply
    }
}
