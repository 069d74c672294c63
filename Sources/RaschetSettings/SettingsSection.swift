import RaschetCore

/// One top-level table of `raschet.toml` (`[organization]`, `[billing]`...): the keys it knows and
/// how it fills its part of `Settings`. One file per section; `SettingsFile.sections` lists them in
/// the order they are read.
protocol SettingsSection: Sendable {
    /// The table's name in the file.
    static var name: String { get }
    /// Reads `table` (present in the file) into `settings`, checking every key.
    static func read(_ table: SettingsTable, into settings: inout Settings) throws(SettingsError)
}
