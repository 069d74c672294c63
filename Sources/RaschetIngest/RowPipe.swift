import Dispatch
import RaschetCore
import Synchronization

/// Hands checked rows from the reading thread to the writing thread in batches, so that parsing
/// and checking run on one core while the database writes on the other.
///
/// Bounded: at most `capacity` batches wait, so memory stays flat however large the input.
/// Either side can stop the other: the reader by `finish()`, the writer by `cancel()` (after an
/// error, the reader's next `put` returns false).
final class RowPipe: Sendable {
    private struct State {
        var batches: [[DataRow]] = []
        /// Batches the writer is done with, for the reader to refill.
        var spent: [[DataRow]] = []
        var finished = false
        var cancelled = false
    }

    private let state = Mutex(State())
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore

    init(capacity: Int) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Queues a batch, waiting while the pipe is full. Returns false once the writer cancelled.
    func put(_ batch: [DataRow]) -> Bool {
        free.wait()
        let accepted = state.withLock { state in
            guard !state.cancelled else { return false }
            state.batches.append(batch)
            return true
        }
        if accepted { filled.signal() } else { free.signal() }
        return accepted
    }

    /// Tells the writer that no more batches come.
    func finish() {
        state.withLock { $0.finished = true }
        filled.signal()
    }

    /// The next batch, waiting for it; nil when the reader finished and all batches were taken.
    func take() -> [DataRow]? {
        while true {
            filled.wait()
            let next: [DataRow]?? = state.withLock { state in
                if !state.batches.isEmpty { return .some(state.batches.removeFirst()) }
                return state.finished ? .some(nil) : nil
            }
            if let next {
                if next != nil { free.signal() } else { filled.signal() }  // keep "finished" visible
                return next
            }
        }
    }

    /// Hands a batch the writer is done with back to the reader (`takeBack`), so that its rows are
    /// destroyed, and their texts freed, on the thread that made them, and its storage is filled
    /// again rather than allocated anew.
    func giveBack(_ batch: consuming [DataRow]) {
        // Moved in, never copied: the reader must find it uniquely referenced to refill it in place.
        var moved: [DataRow]? = consume batch
        state.withLock { $0.spent.append(moved.take()!) }
    }

    /// A batch the writer gave back, if any.
    func takeBack() -> [DataRow]? {
        state.withLock { $0.spent.popLast() }
    }

    /// Stops the reader: its pending and future `put`s return false.
    func cancel() {
        state.withLock { $0.cancelled = true }
        free.signal()
    }
}

/// The reading side's sink: collects rows into batches for a `RowPipe`.
struct PipeSink: DataSink {
    let pipe: RowPipe
    private var batch: [DataRow] = []
    static let batchSize = 4096

    init(pipe: RowPipe) {
        self.pipe = pipe
        batch.reserveCapacity(Self.batchSize)
    }

    mutating func add(_ row: consuming DataRow) throws {
        batch.append(row)
        if batch.count == Self.batchSize { try flush() }
    }

    /// Sends what is collected, then collects into a batch the writer gave back, if there is one.
    mutating func flush() throws {
        guard !batch.isEmpty else { return }
        guard pipe.put(batch) else { throw CancellationError() }
        batch = pipe.takeBack() ?? []
        batch.removeAll(keepingCapacity: true)
        batch.reserveCapacity(Self.batchSize)
    }
}
