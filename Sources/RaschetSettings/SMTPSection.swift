import RaschetCore

/// `[smtp]`: the mail server e-receipts go through (`raschet dispatch`). The password is never read
/// from the file (a `password` key is refused): it comes from the environment variable
/// `RASCHET_SMTP_PASSWORD` when the command runs.
///
///     [smtp]
///     host = "smtp.example.ru"
///     port = 587
///     security = "starttls"            # starttls | tls | off
///     ca_file = "/etc/raschet/ca.pem"  # optional: extra trusted certificates
///     user = "rkc@example.ru"          # optional: AUTH PLAIN or LOGIN
///     from_address = "rkc@example.ru"  # required
///     from_name = "РКЦ Вологда"
///     rate_per_second = 10             # 0: no limit
///     rate_per_hour = 1000             # 0: no limit
///     batch_size = 100                 # messages per connection
///     retry_attempts = 4               # tries of a temporary failure
///     retry_delay_seconds = 2          # first wait; doubles each time
///     timeout_seconds = 30             # each step of the conversation (a message's data: at least 600)
enum SMTPSection: SettingsSection {
    static let name = "smtp"

    static let keys = [
        "host", "port", "security", "ca_file", "user", "from_address", "from_name", "rate_per_second",
        "rate_per_hour", "batch_size", "retry_attempts", "retry_delay_seconds", "timeout_seconds",
    ]

    static func read(_ table: SettingsTable, into settings: inout Settings) throws(SettingsError) {
        if table.contains("password") {
            throw table.error("password", .passwordNotInSettings)
        }
        try table.checkKeys(keys)
        var smtp = SMTPSettings()
        smtp.host = try table.string("host", required: false) ?? smtp.host
        if let security = try table.string("security", required: false) {
            guard let value = SMTPSettings.Security(rawValue: security) else {
                throw table.error("security", .badSMTPSecurity(security))
            }
            smtp.security = value
        }
        smtp.port = try table.int("port", 1...65_535) ?? smtp.security.defaultPort
        smtp.caFile = try table.string("ca_file", required: false)
        smtp.user = try table.string("user", required: false)
        guard let from = try table.string("from_address", required: false) else {
            throw table.error("from_address", .fromAddressMissing)
        }
        smtp.fromAddress = from
        smtp.fromName = try table.string("from_name", required: false)
        smtp.ratePerSecond = try table.int("rate_per_second", 0...10_000) ?? smtp.ratePerSecond
        smtp.ratePerHour = try table.int("rate_per_hour", 0...10_000_000) ?? smtp.ratePerHour
        smtp.batchSize = try table.int("batch_size", 1...100_000) ?? smtp.batchSize
        smtp.retryAttempts = try table.int("retry_attempts", 1...20) ?? smtp.retryAttempts
        smtp.retryDelaySeconds = try table.int("retry_delay_seconds", 0...3_600) ?? smtp.retryDelaySeconds
        smtp.timeoutSeconds = try table.int("timeout_seconds", 1...3_600) ?? smtp.timeoutSeconds
        settings.smtp = smtp
    }
}
