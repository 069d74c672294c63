/// Who a message goes from and to in the SMTP conversation (MAIL FROM, RCPT TO), and its data.
public struct SMTPEnvelope: Sendable, Hashable {
    public var sender: String
    public var recipient: String
    /// The message in wire form (CRLF lines, 7-bit), before dot-stuffing.
    public var data: [UInt8]

    public init(sender: String, recipient: String, data: [UInt8]) {
        self.sender = sender
        self.recipient = recipient
        self.data = data
    }

    /// The data as sent after the 354: every line starting with `.` gets another `.` (RFC 5321
    /// section 4.5.2), a final CRLF if missing, then the terminator `.` CRLF.
    /// - Complexity: O(n).
    public var stuffedData: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + data.count / 64 + 5)
        var atLineStart = true
        for byte in data {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            atLineStart = byte == 0x0A
        }
        if !out.ends(with: [0x0D, 0x0A]) { out.append(contentsOf: [0x0D, 0x0A]) }
        out.append(contentsOf: [UInt8(ascii: "."), 0x0D, 0x0A])
        return out
    }
}

extension [UInt8] {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
