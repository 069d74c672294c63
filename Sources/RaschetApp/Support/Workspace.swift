import Foundation
public import RaschetCore
import RaschetSettings
import RaschetStore

/// Where a command works: the database file and the settings file.
public struct Workspace: Sendable, Hashable {
    /// The database a command uses when none is named (`--db`).
    public static let defaultDatabase = "./raschet.sqlite"

    /// The SQLite database file.
    public var database: String
    /// The settings file (`--config`); nil means `raschet.toml` in the database's folder when present,
    /// else the defaults.
    public var settingsFile: String?
    /// How long a command waits for another one holding the database before exiting 75:
    /// `RASCHET_BUSY_TIMEOUT` seconds when set to a whole number, else 10 s.
    public var busyWait: Duration

    /// - Parameter busyWait: nil for `configuredBusyWait` of this process's environment.
    public init(database: String, settingsFile: String? = nil, busyWait: Duration? = nil) {
        self.database = database
        self.settingsFile = settingsFile
        self.busyWait = busyWait ?? Self.configuredBusyWait(ProcessInfo.processInfo.environment)
    }

    /// `RASCHET_BUSY_TIMEOUT` from the environment, else `Store.defaultBusyTimeout` (`EnvironmentCheck`
    /// has refused a value that cannot be read).
    public static func configuredBusyWait(_ environment: [String: String]) -> Duration {
        environment["RASCHET_BUSY_TIMEOUT"].flatMap(busyWait) ?? Store.defaultBusyTimeout
    }

    /// `text` as a busy timeout: whole seconds from 0 to 3600; nil otherwise.
    static func busyWait(_ text: String) -> Duration? {
        guard let seconds = Int(text), (0...3_600).contains(seconds) else { return nil }
        return .seconds(seconds)
    }

    /// Refuses an output path that names the database, a file SQLite or raschet keeps beside it
    /// (`-wal`, `-shm`, `-journal`, the lock files) or the settings file: writing an export or a
    /// document there, after a slip of the tab key, would replace it (exit 73). Nil: standard output.
    /// The same file is the same device and inode, whatever the links; a kept file not there now (a
    /// lock file, a journal, the settings file looked for) is refused by its name in its folder: the
    /// next command would take what is written there for it.
    func refuseReplacing(_ output: String?) throws(AppError) {
        guard let output else { return }
        let kept: [(path: String, role: Message)] = [(database, .theDatabase)]
            + ["-wal", "-shm", "-journal", ".lock", ".dispatch.lock"].map { (database + $0, .aFileBesideTheDatabase(database + $0)) }
            + [(settingsOrigin.path, .theSettingsFile)]
        let target = Self.identity(output), targetPlace = Self.place(output)
        for file in kept {
            let identity = Self.identity(file.path)
            if target != nil && identity == target {
                throw AppError(.cannotCreateOutput, .outputWouldReplace(output, role: file.role))
            }
            if identity == nil && targetPlace != nil && Self.place(file.path) == targetPlace {
                throw AppError(.cannotCreateOutput, .outputWouldTakeThePlace(output, role: file.role))
            }
        }
    }

    /// The device and inode of an existing file; nil when there is none.
    private static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }

    /// The folder's device and inode, and the name in it; nil when the folder cannot be read.
    private static func place(_ path: String) -> [String]? {
        let name = (path as NSString).lastPathComponent
        let folder = FilePathName.folder(of: path)
        guard !name.isEmpty, let identity = identity(folder.isEmpty ? "." : folder) else { return nil }
        return identity.map(String.init) + [name]
    }

    /// Takes the command lock (`CommandLock`) for a command that changes the close's results.
    /// - Throws: exit 66 when there is no database, before a lock file is made beside it.
    func lock(for command: String) throws(AppError) -> CommandLock {
        try requireDatabase()
        return try CommandLock(database: database, command: command, wait: busyWait)
    }

    /// Takes the dispatch lock (`CommandLock`, `DB.dispatch.lock`): one `dispatch` at a time sends.
    /// - Throws: exit 66 when there is no database, before a lock file is made beside it.
    func dispatchLock(for command: String) throws(AppError) -> CommandLock {
        try requireDatabase()
        return try CommandLock(database: database, suffix: ".dispatch.lock", command: command, wait: busyWait)
    }

    /// Refuses a database that is not there, as opening it would.
    private func requireDatabase() throws(AppError) {
        guard Store.exists(at: database) else { throw AppError(StoreError(.missing, .noSuchDatabase(database))) }
    }

    /// Where this workspace's settings come from: `settingsFile`, else `raschet.toml` in the
    /// database's folder, else the defaults (SPEC section 5).
    var settingsOrigin: SettingsFile.Origin { SettingsFile.origin(config: settingsFile, database: database) }

    /// The refusal of a document that needs `[organization]` when the settings have none: naming the
    /// settings file, or saying there is none.
    func organizationMissing(forReceipts receipts: Bool) -> AppError {
        switch settingsOrigin {
        case .file(let path):
            AppError(.badData, receipts ? .organizationMissingForReceipts(path) : .organizationMissingForStatements(path))
        case .defaults(let path):
            AppError(.badData, .settingsFileNeeded(lookedAt: path, receipts: receipts))
        }
    }

    /// One line for standard error naming the settings file a command uses, or saying it uses the defaults.
    public var settingsNotice: Message { settingsOrigin.notice }

    func settings() throws(AppError) -> Settings {
        do { return try SettingsFile.load(settingsOrigin) } catch { throw AppError(error) }
    }

    /// Opens the database for a command that may change it, then writes any review list an earlier
    /// close could not write (`ReviewListFile.writePending`).
    func openStore() throws(AppError) -> Store {
        let store: Store
        do { store = try Store.open(at: database, busyTimeout: busyWait) } catch { throw AppError(error) }
        ReviewListFile.writePending(store, database: database)
        return store
    }

    /// Opens the database for a command that only reads it: as immutable on read-only media
    /// (`Store.openForReading`), else as `openStore()` does.
    func openStoreForReading() throws(AppError) -> Store {
        let store: Store
        do { store = try Store.openForReading(at: database, busyTimeout: busyWait) } catch { throw AppError(error) }
        if !store.isImmutable { ReviewListFile.writePending(store, database: database) }
        return store
    }
}
