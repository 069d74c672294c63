import RaschetCore
import Foundation
import GRDB

/// The embedded SQLite database of one settlement center: reference data, readings, payments
/// and (later) the results of the close. One `Store` per database file per process.
public final class Store: Sendable {
    let queue: DatabaseQueue
    /// The file path, as given.
    public let path: String
    /// Opened as immutable on read-only media (`openForReading`): nothing can be written.
    public let isImmutable: Bool

    private init(queue: DatabaseQueue, path: String, isImmutable: Bool = false) {
        self.queue = queue
        self.path = path
        self.isImmutable = isImmutable
    }

    /// How long a statement waits for another process's write lock before failing as busy (exit 75).
    public static let defaultBusyTimeout: Duration = .seconds(10)

    /// Creates the database file if needed and brings its schema up to date.
    /// - Returns: the store, and whether the file was created by this call.
    public static func create(at path: String, busyTimeout: Duration = defaultBusyTimeout) throws(StoreError)
        -> (store: Store, created: Bool) {
        let existed = exists(at: path)
        let store = try connect(path, busyTimeout: busyTimeout)
        try store.migrate()
        return (store, !existed)
    }

    /// Opens an existing database and brings its schema up to date.
    /// - Throws: `StoreError.Code.missing` when there is no file at `path`.
    /// - Parameter busyTimeout: how long to wait for another command's write lock (SQLite's busy
    ///   handler) before failing with `StoreError.Code.busy`.
    public static func open(at path: String, busyTimeout: Duration = defaultBusyTimeout) throws(StoreError) -> Store {
        guard exists(at: path) else {
            throw StoreError(.missing, .noSuchDatabase(path))
        }
        let store = try connect(path, busyTimeout: busyTimeout)
        try store.migrate()
        return store
    }

    /// Opens an existing database for a command that only reads it (an export). On read-only media
    /// (the file or its folder cannot be written), where SQLite could not create the WAL's `-shm`
    /// file, the file is opened as immutable (the `immutable=1` URI parameter: no locks, no journal,
    /// nothing written); that is refused when a `-wal` file with changes not yet merged lies next
    /// to it, or when the schema needs an upgrade. Elsewhere it is `open(at:busyTimeout:)`.
    public static func openForReading(at path: String, busyTimeout: Duration = defaultBusyTimeout) throws(StoreError) -> Store {
        guard exists(at: path) else {
            throw StoreError(.missing, .noSuchDatabase(path))
        }
        if isWritable(path) { return try open(at: path, busyTimeout: busyTimeout) }
        let log = path + "-wal"
        if let size = (try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int, size > 0 {
            throw StoreError(.io, .readOnlyMediaUnmergedLog(path, log: log))
        }
        var configuration = Configuration()
        configuration.readonly = true
        let store: Store
        do {
            store = Store(queue: try SQLiteLibrary.openQueue(path: immutableURI(path), configuration: configuration), path: path,
                          isImmutable: true)
        } catch {
            throw StoreError(.databaseOperation(path, .openReadOnlyMedia), cause: error)
        }
        let current: Bool
        do { current = try store.queue.read { db in try Schema.migrator.hasCompletedMigrations(db) } } catch {
            throw StoreError(.databaseOperation(path, .read), cause: error)
        }
        guard current else {
            throw StoreError(.io, .readOnlyMediaOldSchema(path))
        }
        return store
    }

    /// The SQLite URI of `path` opened as immutable; `%`, `?` and `#` escaped (Debian's SQLite is
    /// built with URI file names enabled, `PRAGMA compile_options` lists `USE_URI`).
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var escaped = ""
        for character in absolute {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    private static func openQueue(_ path: String, busyTimeout: Duration) throws(StoreError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let (seconds, attoseconds) = busyTimeout.components
        configuration.busyMode = .timeout(TimeInterval(seconds) + TimeInterval(attoseconds / 1_000_000_000_000_000) / 1_000)
        configuration.prepareDatabase { db in
            // WAL keeps readers off the writer's back; NORMAL sync is crash-safe in WAL mode
            // (a power cut may lose the last commit, never corrupt the file).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let queue = try SQLiteLibrary.openQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            return queue
        } catch {
            if !isWritable(path) {
                throw StoreError(.io, .databaseReadOnly(path))
            }
            if isFull(path) {
                throw StoreError(.io, .diskFullOnOpen(path))
            }
            throw StoreError(.databaseOperation(path, .open), cause: error)
        }
    }

    /// Whether the file system of `path`'s folder has no block left for an ordinary user (SQLite then
    /// fails to create or map its `-wal` and `-shm` files with a bare I/O error).
    private static func isFull(_ path: String) -> Bool {
        let folder = FilePathName.folder(of: path)
        var status = statvfs()
        return statvfs(folder.isEmpty ? "." : folder, &status) == 0 && status.f_bavail == 0
    }

    private static func connect(_ path: String, busyTimeout: Duration) throws(StoreError) -> Store {
        Store(queue: try openQueue(path, busyTimeout: busyTimeout), path: path)
    }

    private func migrate() throws(StoreError) {
        do {
            let migrator = Schema.migrator
            if try queue.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
            try migrator.migrate(queue)
        } catch {
            throw StoreError(.databaseOperation(path, .prepareSchema), cause: error)
        }
    }

    /// Runs `body` in one write transaction, mapping database errors to `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.databaseOperation(path, .write), cause: error)
        }
    }

    /// Runs `body` in a read transaction, mapping database errors to `StoreError` (one thrown inside,
    /// damaged stored lines, passes unchanged).
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.databaseOperation(path, .read), cause: error)
        }
    }

    /// Runs `body` in a read transaction for a streaming reader: database errors become
    /// `StoreError`, the errors of the caller's own work inside `body` (writing an export) pass unchanged.
    func streaming(_ body: (Database) throws -> Void) throws {
        do {
            try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError(.databaseOperation(path, .read), cause: error)
        }
    }

    /// `streaming` of `period`'s results, checked closed in the same read transaction: a command's
    /// earlier check may have been undone since (`raschet reopen`), and an export must then stop
    /// rather than read nothing.
    func streamingClosed(_ period: Period, _ body: (Database) throws -> Void) throws {
        try streaming { db in
            guard try CloseRunsTable.status(period, db) == .closed else {
                throw StoreError(.refused, .periodNotClosed(period, closed: try CloseRunsTable.closedPeriods(db)))
            }
            try body(db)
        }
    }

    /// Whether the database file and its folder (where SQLite keeps its `-wal` and `-shm` files) can be written.
    private static func isWritable(_ path: String) -> Bool {
        let folder = FilePathName.folder(of: path)
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// Whether a file (not a folder or a device) is at `path`, following a symbolic link: what a
    /// database can be.
    public static func exists(at path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
