import Foundation
import GRDB
import RaschetCore
@testable import RaschetStore
import RaschetTesting
import Testing

/// Checkpoints on a thread of their own (the close's commits): what is committed reaches the database
/// file itself, not only the write-ahead log, and the writer checkpoints automatically again after.
@Suite struct BackgroundCheckpointsTests {
    /// The rows of `table` in the database file alone, read without its write-ahead log (`immutable=1`):
    /// 0 while the file has no such table (the schema, too, may be in the log only); -1 when the file
    /// cannot be read (with an issue recorded when `recording`: a read made while a checkpoint copies
    /// into the file may see it half written).
    static func rowsInFile(_ path: String, table: String, recording: Bool = true) -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let file = try DatabaseQueue(path: "file:" + path + "?immutable=1", configuration: configuration)
            return try file.read { db in
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = ?)", arguments: [table]) == true
                else { return 0 }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
        } catch {
            if recording { Issue.record(error) }
            return -1
        }
    }

    @Test func committedRowsReachTheFileAndAutomaticCheckpointsComeBack() throws {
        let folder = try TemporaryFolder("raschet-checkpoints")
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        let (store, _) = try Store.create(at: path)
        let data = StoreTests.sampleData()
        // Within the body: the writer's automatic checkpoints, and the rows in the file before and after the ask.
        let seen = try store.withBackgroundCheckpoints { (committed) throws(StoreError) -> (automatic: Int?, beforeAsking: Int, afterAsking: Int) in
            let automatic = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
            do { _ = try store.store(data) } catch { Issue.record(error) }
            // Nothing copies the log while the writer's automatic checkpoints are off and none is asked for.
            let beforeAsking = Self.rowsInFile(path, table: "accounts")
            committed()
            // The ask returns at once; the copy follows on the checkpoint thread.
            var afterAsking = -1
            for _ in 0..<500 {
                afterAsking = Self.rowsInFile(path, table: "accounts", recording: false)
                if afterAsking == 1 { break }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return (automatic, beforeAsking, afterAsking)
        }
        #expect(seen.automatic == 0 && seen.beforeAsking == 0 && seen.afterAsking == 1)
        #expect(Self.rowsInFile(path, table: "payments") == 1)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 1_000)
    }
}
