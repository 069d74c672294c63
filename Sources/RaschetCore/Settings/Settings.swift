/// Everything `raschet.toml` configures. Each part has the legal defaults where the law gives one.
public struct Settings: Sendable, Hashable {
    /// The payee; nil until configured (documents need it, imports do not).
    public var organization: Organization?
    /// Readings dated within these days of a month count for that month (RULES: a window ending on the 25th).
    public var readingWindow: ClosedRange<Int>

    public init(organization: Organization? = nil, readingWindow: ClosedRange<Int> = 15...25) {
        self.organization = organization
        self.readingWindow = readingWindow
    }
}
