/// How e-receipts are sent: the `[smtp]` section of `raschet.toml` (SPEC section 5, `dispatch`).
/// The password is never part of the file; it comes from `RASCHET_SMTP_PASSWORD`.
public struct SMTPSettings: Sendable, Hashable {
    /// How the connection is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain connection, upgraded with STARTTLS; refused when the server does not offer it.
        case starttls
        /// TLS from the first byte (SMTPS, usually port 465).
        case tls
        /// No encryption (a local relay or a test server).
        case off

        /// The port a server listens on for it: 587 (submission) for STARTTLS, 465 for TLS, 25 for none.
        public var defaultPort: Int {
            switch self {
            case .starttls: 587
            case .tls: 465
            case .off: 25
            }
        }
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// PEM certificates to trust besides the system's (a private CA or a self-signed server).
    public var caFile: String?
    /// The AUTH user; nil means no authentication.
    public var user: String?
    /// The envelope sender and the `From` address.
    public var fromAddress: String
    /// The `From` display name (e.g. the settlement center's name).
    public var fromName: String?
    /// At most this many messages per second (0: unlimited).
    public var ratePerSecond: Int
    /// At most this many messages per hour (0: unlimited).
    public var ratePerHour: Int
    /// Messages sent over one connection before it is closed and a new one opened.
    public var batchSize: Int
    /// Tries of a message (or a connection) that fails temporarily (4xx, connection lost).
    public var retryAttempts: Int
    /// The wait after the first temporary failure, doubled after each further one.
    public var retryDelaySeconds: Int
    /// The limit on each step of the conversation (connect, each reply).
    public var timeoutSeconds: Int

    /// - Parameter port: by default, `security`'s default port.
    public init(host: String = "localhost", port: Int? = nil, security: Security = .starttls, caFile: String? = nil, user: String? = nil,
                fromAddress: String = "", fromName: String? = nil, ratePerSecond: Int = 10, ratePerHour: Int = 0,
                batchSize: Int = 100, retryAttempts: Int = 4, retryDelaySeconds: Int = 2, timeoutSeconds: Int = 30) {
        self.host = host; self.port = port ?? security.defaultPort; self.security = security; self.caFile = caFile; self.user = user
        self.fromAddress = fromAddress; self.fromName = fromName; self.ratePerSecond = ratePerSecond
        self.ratePerHour = ratePerHour; self.batchSize = batchSize; self.retryAttempts = retryAttempts
        self.retryDelaySeconds = retryDelaySeconds; self.timeoutSeconds = timeoutSeconds
    }
}
