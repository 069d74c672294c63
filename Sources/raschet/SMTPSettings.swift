import RaschetCore
import TOMLKit

/// Reads the `[smtp]` table of `raschet.toml` into `SMTPSettings`. The password is never read from
/// the file (a `password` key is refused): it comes from the environment variable
/// `RASCHET_SMTP_PASSWORD` when the command runs.
///
///     [smtp]
///     host = "smtp.example.ru"
///     port = 587
///     security = "starttls"            # starttls | tls | off
///     ca_file = "/etc/raschet/ca.pem"  # optional: extra trusted certificates
///     user = "rkc@example.ru"          # optional: AUTH PLAIN or LOGIN
///     from_address = "rkc@example.ru"
///     from_name = "РКЦ Вологда"
///     rate_per_second = 10             # 0: no limit
///     rate_per_hour = 1000             # 0: no limit
///     batch_size = 100                 # messages per connection
///     retry_attempts = 4               # tries of a temporary failure
///     retry_delay_seconds = 2          # first wait; doubles each time
///     timeout_seconds = 30             # each step of the conversation
struct SMTPSettingsSection {
    let file: String

    static let keys: Set<String> = [
        "host", "port", "security", "ca_file", "user", "from_address", "from_name", "rate_per_second",
        "rate_per_hour", "batch_size", "retry_attempts", "retry_delay_seconds", "timeout_seconds",
    ]

    /// The settings of `table`, or nil when there is no `[smtp]` table.
    func parse(_ table: TOMLTable?) throws(SettingsError) -> SMTPSettings? {
        guard let table else { return nil }
        if table.contains(key: "password") {
            throw SettingsError(file: file, key: "smtp.password", message:
                "the password is never read from the settings file; remove the key and set the environment variable RASCHET_SMTP_PASSWORD")
        }
        for key in table.keys.sorted() where !Self.keys.contains(key) {
            throw SettingsError(file: file, key: "smtp." + key, message:
                "unknown key; the [smtp] keys are " + Self.keys.sorted().joined(separator: ", "))
        }
        var settings = SMTPSettings()
        settings.host = try text(table, "host") ?? settings.host
        settings.port = try int(table, "port", 1...65_535) ?? settings.port
        if let security = try text(table, "security") {
            guard let value = SMTPSettings.Security(rawValue: security) else {
                throw SettingsError(file: file, key: "smtp.security", message: "must be \"starttls\", \"tls\" or \"off\", not \"\(security)\"")
            }
            settings.security = value
            if !table.contains(key: "port") { settings.port = value == .tls ? 465 : (value == .starttls ? 587 : 25) }
        }
        settings.caFile = try text(table, "ca_file")
        settings.user = try text(table, "user")
        guard let from = try text(table, "from_address") else {
            throw SettingsError(file: file, key: "smtp.from_address", message: "missing; add the address e-receipts come from")
        }
        settings.fromAddress = from
        settings.fromName = try text(table, "from_name")
        settings.ratePerSecond = try int(table, "rate_per_second", 0...10_000) ?? settings.ratePerSecond
        settings.ratePerHour = try int(table, "rate_per_hour", 0...10_000_000) ?? settings.ratePerHour
        settings.batchSize = try int(table, "batch_size", 1...100_000) ?? settings.batchSize
        settings.retryAttempts = try int(table, "retry_attempts", 1...20) ?? settings.retryAttempts
        settings.retryDelaySeconds = try int(table, "retry_delay_seconds", 0...3_600) ?? settings.retryDelaySeconds
        settings.timeoutSeconds = try int(table, "timeout_seconds", 1...3_600) ?? settings.timeoutSeconds
        return settings
    }

    private func text(_ table: TOMLTable, _ key: String) throws(SettingsError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            throw SettingsError(file: file, key: "smtp." + key, message: "must be a string in quotes")
        }
        return string
    }

    private func int(_ table: TOMLTable, _ key: String, _ range: ClosedRange<Int>) throws(SettingsError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int, range.contains(number) else {
            throw SettingsError(file: file, key: "smtp." + key, message: "must be a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
