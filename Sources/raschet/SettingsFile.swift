import Foundation
import RaschetCore
import TOMLKit

/// A problem in `raschet.toml`, named by file and key.
struct SettingsError: Error, CustomStringConvertible {
    var file: String
    var key: String?
    var message: String

    var description: String { file + ": " + (key.map { $0 + ": " } ?? "") + message }
}

/// Loads `raschet.toml` (SPEC section 3: organization requisites, reading window, due days, VAT
/// table, penalty rules). The `[billing]` and `[penalties]` keys are read by `BillingSettings`.
enum SettingsFile {
    /// The settings from `path`, or from `./raschet.toml` when `path` is nil and that file exists,
    /// or the defaults.
    static func load(_ path: String?) throws(SettingsError) -> Settings {
        let file = path ?? "raschet.toml"
        guard let data = FileManager.default.contents(atPath: file) else {
            if path == nil { return Settings() }
            throw SettingsError(file: file, message: "cannot read the settings file; check the path")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: data, as: UTF8.self))
        } catch {
            throw SettingsError(file: file, message: "not valid TOML: \(error)")
        }
        return try parse(table, file: file)
    }

    static func parse(_ root: TOMLTable, file: String) throws(SettingsError) -> Settings {
        var settings = Settings()
        if let org = root["organization"]?.table {
            func text(_ key: String, required: Bool = true) throws(SettingsError) -> String? {
                guard let value = org[key] else {
                    if required { throw SettingsError(file: file, key: "organization." + key, message: "missing; add it") }
                    return nil
                }
                guard let string = value.string else {
                    throw SettingsError(file: file, key: "organization." + key, message: "must be a string in quotes")
                }
                return string
            }
            settings.organization = Organization(
                name: try text("name") ?? "", fullName: try text("full_name", required: false), inn: try text("inn") ?? "",
                kpp: try text("kpp", required: false), bankName: try text("bank_name") ?? "", bic: try text("bic") ?? "",
                correspondentAccount: try text("corr_account") ?? "", account: try text("account") ?? "",
                address: try text("address", required: false), phone: try text("phone", required: false),
                email: try text("email", required: false))
        }
        settings.billingRules = try BillingSettings(file: file).rules(billing: root["billing"]?.table,
                                                                       penalties: root["penalties"]?.table)
        settings.smtp = try SMTPSettingsSection(file: file).parse(root["smtp"]?.table)
        return settings
    }
}
