/// An e-mail address with an optional display name (`Смирнова Е. В. <smirnova@example.ru>`).
public struct MailAddress: Sendable, Hashable {
    /// The bare address (`local@domain`), ASCII.
    public var address: String
    /// The display name, any Unicode; encoded per RFC 2047 when not plain ASCII.
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    /// The domain part, for `Message-ID`s; `localhost` when the address has none.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "localhost" }
        let domain = address[address.index(after: at)...]
        return domain.isEmpty ? "localhost" : String(domain)
    }

    /// Whether the address can go into an SMTP envelope and a header as is: one `@`, a non-empty
    /// local part and domain, printable ASCII without spaces, angle brackets or quotes.
    public var isWellFormed: Bool {
        let bytes = Array(address.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1,
              bytes.lastIndex(of: UInt8(ascii: "@")) == at else { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
            && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") }
    }
}
