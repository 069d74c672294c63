/// What the server offered in its EHLO reply (RFC 5321 section 4.1.1.1 and the extensions').
public struct SMTPServerCapabilities: Sendable, Hashable {
    /// The largest message it accepts (RFC 1870); nil when not advertised, 0 when "no fixed limit".
    public var maximumSize: Int?
    public var eightBitMIME = false
    public var startTLS = false
    public var authPlain = false
    public var authLogin = false

    public init() {}

    /// Reads the keyword lines of a 250 EHLO reply (the first line is the server's name).
    public init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ")
            guard let keyword = words.first else { continue }
            switch keyword {
            case "SIZE": maximumSize = words.count > 1 ? Int(words[1]) : 0
            case "8BITMIME": eightBitMIME = true
            case "STARTTLS": startTLS = true
            case "AUTH", "AUTH=LOGIN":
                for mechanism in words.dropFirst() {
                    if mechanism == "PLAIN" { authPlain = true }
                    if mechanism == "LOGIN" { authLogin = true }
                }
                if keyword == "AUTH=LOGIN" { authLogin = true }
            default: continue
            }
        }
    }
}
