import GRDB
@testable import RaschetStore
import RaschetTesting

/// A database made by an earlier raschet: migrated up to `version`, holding the rows `sql` inserts
/// (with foreign keys off: the rows a test does not need are left out), then opened by this raschet,
/// which runs the later migrations.
func storeMigrated(after version: String, holding sql: String, in folder: TemporaryFolder) throws -> Store {
    let path = folder.path("old.sqlite")
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: version)
    try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA foreign_keys = OFF;\n" + sql + "\nPRAGMA foreign_keys = ON;")
    }
    try queue.close()
    return try Store.open(at: path)
}
