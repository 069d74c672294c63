public import RaschetCore
import Foundation
import TOMLKit

/// Reads `raschet.toml` (SPEC section 3: organization requisites, reading window, due days, VAT
/// table, penalty rules) into `Settings`, checking every key: an error names the file and the key.
/// A section that is absent keeps the legal defaults; tables this version does not know are ignored.
public enum SettingsFile {
    /// The default file name, looked up in the working folder when no path is given.
    public static let defaultName = "raschet.toml"

    /// The sections read, in order.
    static let sections: [any SettingsSection.Type] = [OrganizationSection.self, BillingSection.self, PenaltiesSection.self,
                                                         SMTPSection.self]

    /// The settings from `path`, or from `./raschet.toml` when `path` is nil and that file exists,
    /// or the defaults.
    /// - Throws: `SettingsError` when a named file cannot be read or any key is wrong.
    public static func load(_ path: String?) throws(SettingsError) -> Settings {
        let file = path ?? defaultName
        guard let data = FileManager.default.contents(atPath: file) else {
            if path == nil { return Settings() }
            throw SettingsError(file: file, message: "cannot read the settings file; check the path given to --config",
                                fileIsMissing: true)
        }
        return try parse(String(decoding: data, as: UTF8.self), file: file)
    }

    /// The settings in `text`, the contents of `file` (named in errors).
    public static func parse(_ text: String, file: String) throws(SettingsError) -> Settings {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch {
            throw SettingsError(file: file, message: "not valid TOML: \(error)")
        }
        var settings = Settings()
        for section in sections {
            guard let value = root[section.name] else { continue }
            guard let table = value.table else {
                throw SettingsError(file: file, key: section.name, message: "must be a table: [\(section.name)]")
            }
            try section.read(SettingsTable(table, name: section.name, file: file), into: &settings)
        }
        return settings
    }
}
