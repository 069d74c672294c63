import CSQLiteSettings
import GRDB

/// The SQLite library's process-wide settings, made once before the first connection opens (SQLite
/// refuses them after), and the one place the store's connections open.
enum SQLiteLibrary {
    /// Without memory statistics, each of SQLite's allocations and frees skips a process-wide mutex:
    /// a few per cent of an import's writing thread (Benchmarks/JOURNAL.md). Nothing reads the statistics.
    private static let configured: Void = { _ = raschet_sqlite_disable_memory_statistics() }()

    /// A connection to the database at `path`, the library's settings made first.
    static func openQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        configured
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
