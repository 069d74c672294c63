public import RaschetCore
import Foundation
import TOMLKit

/// Reads `raschet.toml` (SPEC section 3: organization requisites, reading window, due days, VAT
/// table, penalty rules) into `Settings`, checking every key: an error names the file and the key.
/// A section that is absent keeps the legal defaults; a table or key this version does not know is
/// an error naming it (a typo must not silently keep a default).
public enum SettingsFile {
    /// The default file name, looked up in the database's folder when no path is given (SPEC section 5).
    public static let defaultName = "raschet.toml"

    /// Where a command's settings come from.
    public enum Origin: Sendable, Hashable {
        /// A settings file: the one given with `--config`, or the one next to the database.
        case file(String)
        /// No `--config` and no `raschet.toml` next to the database (the path looked at): the legal defaults.
        case defaults(lookedAt: String)

        /// The settings file, or where it was looked for.
        public var path: String {
            switch self {
            case .file(let path), .defaults(let path): path
            }
        }

        /// One line for standard error saying which settings a command uses.
        public var notice: Message {
            switch self {
            case .file(let path): .settingsUsed(path)
            case .defaults(let path): .settingsDefaults(path)
            }
        }
    }

    /// The settings file of a command: `config` when given, else `raschet.toml` in the folder of the
    /// database `database`, when that file exists; else the defaults.
    public static func origin(config: String?, database: String) -> Origin {
        if let config { return .file(config) }
        let folder = FilePathName.folder(of: database)
        let path = folder.isEmpty || folder == "." ? defaultName : (folder as NSString).appendingPathComponent(defaultName)
        return FileManager.default.fileExists(atPath: path) ? .file(path) : .defaults(lookedAt: path)
    }

    /// The settings of `origin`.
    /// - Throws: `SettingsError` when its file cannot be read or any key is wrong.
    public static func load(_ origin: Origin) throws(SettingsError) -> Settings {
        switch origin {
        case .file(let path): try load(path)
        case .defaults: Settings()
        }
    }

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
            throw SettingsError(file: file, message: .settingsUnreadable,
                                fileIsMissing: true)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw SettingsError(file: file, message: .settingsNotUTF8(line: firstLineNotUTF8(data)))
        }
        return try parse(text, file: file)
    }

    /// The line (from 1) holding the first bytes of `data` that are not UTF-8.
    private static func firstLineNotUTF8(_ data: Data) -> Int {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        return (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0) + 1
    }

    /// The settings in `text`, the contents of `file` (named in errors).
    public static func parse(_ text: String, file: String) throws(SettingsError) -> Settings {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SettingsError(file: file, message: .notTOML(line: error.source.begin.line, column: error.source.begin.column))
        } catch {
            throw SettingsError(file: file, message: .notTOMLWithoutPosition(kind: String(describing: type(of: error))))
        }
        let known = sections.map { $0.name }
        for key in root.keys.sorted() where !known.contains(key) {
            throw SettingsError(file: file, key: key, message: .unknownSettingsTable(isTable: root[key]?.table != nil, known: known))
        }
        var settings = Settings()
        for section in sections {
            guard let value = root[section.name] else { continue }
            guard let table = value.table else {
                throw SettingsError(file: file, key: section.name, message: .mustBeTable(section.name))
            }
            try section.read(SettingsTable(table, name: section.name, file: file), into: &settings)
        }
        return settings
    }
}
