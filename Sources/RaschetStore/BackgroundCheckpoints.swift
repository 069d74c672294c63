import Dispatch
import Foundation
import GRDB
import RaschetCore
import Synchronization

/// Copies the write-ahead log into the database file on a thread and connection of its own while a
/// long run of commits goes on (the close's batches), so that the writer never waits for the disk.
///
/// SQLite's automatic checkpoint runs on the committing connection: every 1,000 pages of log it
/// copies them into the file and syncs the log and the file (`fdatasync`), and the writer waits for
/// both. With it off on the writer (`PRAGMA wal_autocheckpoint = 0`) and a passive checkpoint asked
/// for after every commit, the same copies and syncs happen here while the writer goes on. Durability
/// is unchanged: in WAL mode with `synchronous = NORMAL` a commit is durable once a checkpoint's sync
/// has run, whichever connection runs it (sqlite.org/wal.html, "Automatic Checkpoint": an application
/// may run checkpoints in a separate thread).
final class BackgroundCheckpoints: Sendable {
    private let queue: DatabaseQueue
    private let path: String
    /// Whether a checkpoint is asked for and not begun, whether to stop, the first failure.
    private let state = Mutex<(asked: Bool, stop: Bool, failure: StoreError?)>((false, false, nil))
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    /// Opens a connection to the database at `path` and starts the thread.
    init(path: String) throws(StoreError) {
        var configuration = Configuration()
        // Opening reads the schema, which a busy moment of the log (another connection's checkpoint)
        // can refuse: it waits instead. The passive checkpoints themselves never wait.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            queue = try SQLiteLibrary.openQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError(.databaseOperation(path, .checkpoint), cause: error)
        }
        self.path = path
        let thread = Thread { [self] in
            while true {
                wake.wait()
                let stop = state.withLock { state in
                    state.asked = false
                    return state.stop
                }
                checkpoint()
                if stop { break }
            }
            stopped.signal()
        }
        thread.start()
    }

    /// Asks for a checkpoint of what is committed so far; returns at once. Asks made while one is
    /// waiting to begin are the same ask.
    func ask() {
        let wakes = state.withLock { state in
            defer { state.asked = true }
            return !state.asked && !state.stop
        }
        if wakes { wake.signal() }
    }

    /// Runs a last checkpoint and stops the thread.
    /// - Throws: the first checkpoint's failure, if one failed.
    func finish() throws(StoreError) {
        state.withLock { $0.stop = true }
        wake.signal()
        stopped.wait()
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// A passive checkpoint: copies what no reader still needs from the log and never waits for a
    /// reader or the writer. Busy (another checkpoint is running) is no failure: the next ask copies.
    private func checkpoint() {
        do {
            try queue.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return
        } catch {
            let failure = StoreError(.databaseOperation(path, .checkpoint), cause: error)
            state.withLock { state in
                if state.failure == nil { state.failure = failure }
            }
        }
    }
}

extension Store {
    /// Runs `body`, whose commits call the function it is given, with the write-ahead log's
    /// checkpoints off this connection and on a thread of their own (`BackgroundCheckpoints`);
    /// afterwards this connection checkpoints automatically again.
    /// - Throws: what `body` throws; else a checkpoint's failure (the commits stay in the log, and the
    ///   next checkpoint copies them).
    public func withBackgroundCheckpoints<T>(_ body: (_ committed: @Sendable () -> Void) throws(StoreError) -> T) throws(StoreError) -> T {
        let checkpoints = try BackgroundCheckpoints(path: path)
        let result: Result<T, StoreError>
        do {
            try setAutomaticCheckpoints(pages: 0)
            result = .success(try body { checkpoints.ask() })
        } catch {
            result = .failure(error)
        }
        let restored = Result { () throws(StoreError) in try setAutomaticCheckpoints(pages: 1_000) }
        let finished = Result { () throws(StoreError) in try checkpoints.finish() }
        let value = try result.get()
        try restored.get()
        try finished.get()
        return value
    }

    /// `PRAGMA wal_autocheckpoint` on this connection (0: never; SQLite's default is 1,000 pages).
    private func setAutomaticCheckpoints(pages: Int) throws(StoreError) {
        try write { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)") }
    }
}
