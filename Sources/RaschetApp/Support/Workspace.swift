import RaschetCore
import RaschetSettings
import RaschetStore

/// Where a command works: the database file and the settings file.
public struct Workspace: Sendable, Hashable {
    /// The SQLite database file.
    public var database: String
    /// The settings file; nil means `./raschet.toml` when present, else the defaults.
    public var settingsFile: String?

    public init(database: String, settingsFile: String? = nil) {
        self.database = database
        self.settingsFile = settingsFile
    }

    func settings() throws(AppError) -> Settings {
        do { return try SettingsFile.load(settingsFile) } catch { throw AppError(error) }
    }

    func openStore() throws(AppError) -> Store {
        do { return try Store.open(at: database) } catch { throw AppError(error) }
    }
}
