public import RaschetCore

/// `--smtp smtp://[user@]host:port`, `smtps://...` or `smtp+starttls://...` (SPEC section 5).
public struct SMTPURL: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String?
    /// nil for `smtp://`: the settings' security, or none.
    public var security: SMTPSettings.Security?

    /// Parses the URL; nil when it is not one of the three forms.
    public init?(_ text: String) {
        let schemes: [(String, SMTPSettings.Security?, Int)] = [("smtp+starttls://", .starttls, 587), ("smtps://", .tls, 465), ("smtp://", nil, 25)]
        guard let (prefix, security, defaultPort) = schemes.first(where: { text.hasPrefix($0.0) }) else { return nil }
        var rest = Substring(text.dropFirst(prefix.count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        if let at = rest.firstIndex(of: "@") {
            user = String(rest[..<at])
            rest = rest[rest.index(after: at)...]
        }
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            let digits = rest[rest.index(after: colon)...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(digits), (1...65_535).contains(port) else { return nil }
            self.port = port
            rest = rest[..<colon]
        } else {
            port = defaultPort
        }
        // A host is a name or an address, an IPv6 one in brackets (`[::1]`): nothing else of a URL.
        if rest.hasPrefix("[") {
            host = String(rest.dropFirst().dropLast())
            guard rest.hasSuffix("]"), host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            guard !rest.contains(where: { ":[]/@".contains($0) || $0.isWhitespace }) else { return nil }
            host = String(rest)
        }
        guard !host.isEmpty, !host.contains("/"), user?.isEmpty != true else { return nil }
        self.security = security
    }
}
