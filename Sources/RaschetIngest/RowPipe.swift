import Dispatch
import RaschetCore
import Synchronization

/// Hands checked rows from the reading thread to the writing thread in batches, so that parsing
/// and checking run on one core while the database writes on the other; and hands the reader's
/// known meters to the writer and back, for the writer to add the stored readings to them
/// (`loadStoredReadings`).
///
/// Bounded: at most `capacity` items wait, so memory stays flat however large the input.
/// Either side can stop the other: the reader by `finish()`, the writer by `cancel()` (after an
/// error, the reader's next `put` or `loadStoredReadings` returns false).
final class RowPipe: Sendable {
    /// What the writer takes, in the order the reader put it.
    enum Item {
        case rows([DataRow])
        /// Add the stored readings to the meters in `State.meters`, then give them back.
        case loadStoredReadings
    }

    private struct State {
        var items: [Item] = []
        var finished = false
        var cancelled = false
        /// The reader's meters while the writer adds the stored readings to them.
        var meters: KnownMeters?
    }

    private let state = Mutex(State())
    private let filled = DispatchSemaphore(value: 0)
    private let free: DispatchSemaphore
    /// Signalled when the writer gave the meters back, or cancelled.
    private let metersBack = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        free = DispatchSemaphore(value: capacity)
    }

    /// Queues a batch, waiting while the pipe is full. Returns false once the writer cancelled.
    func put(_ batch: [DataRow]) -> Bool {
        put(.rows(batch))
    }

    /// Has the writer add the stored readings to `meters`, after every batch put before: hands them
    /// over (moved, not copied) and waits until they come back. Returns false once the writer
    /// cancelled (`meters` is then left empty).
    func loadStoredReadings(into meters: inout KnownMeters) -> Bool {
        state.withLock { state in
            state.meters = KnownMeters()
            swap(&state.meters!, &meters)
        }
        guard put(.loadStoredReadings) else { return false }
        metersBack.wait()
        return state.withLock { state in
            guard !state.cancelled, state.meters != nil else { return false }
            swap(&state.meters!, &meters)
            state.meters = nil
            return true
        }
    }

    /// The writer's side of `loadStoredReadings`: lends it the reader's meters, then hands them back.
    func withStoredReadingsRequest(_ body: (inout KnownMeters) throws -> Void) rethrows {
        var meters = KnownMeters()
        state.withLock { state in
            if state.meters != nil { swap(&state.meters!, &meters) }
        }
        defer {
            state.withLock { state in
                state.meters = KnownMeters()
                swap(&state.meters!, &meters)
            }
            metersBack.signal()
        }
        try body(&meters)
    }

    private func put(_ item: Item) -> Bool {
        free.wait()
        let accepted = state.withLock { state in
            guard !state.cancelled else { return false }
            state.items.append(item)
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

    /// The next item, waiting for it; nil when the reader finished and all items were taken.
    func take() -> Item? {
        while true {
            filled.wait()
            let next: Item?? = state.withLock { state in
                if !state.items.isEmpty { return .some(state.items.removeFirst()) }
                return state.finished ? .some(nil) : nil
            }
            if let next {
                if next != nil { free.signal() } else { filled.signal() }  // keep "finished" visible
                return next
            }
        }
    }

    /// Stops the reader: its pending and future `put`s and `loadStoredReadings` return false.
    func cancel() {
        state.withLock { $0.cancelled = true }
        free.signal()
        metersBack.signal()
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

    mutating func add(_ row: DataRow) throws {
        batch.append(row)
        if batch.count == Self.batchSize { try flush() }
    }

    /// Sends what is collected, then has the writer's sink add the stored readings to `meters`
    /// (which it reads from the writer's database connection, after the rows before).
    mutating func loadStoredReadings(into meters: inout KnownMeters) throws {
        try flush()
        guard pipe.loadStoredReadings(into: &meters) else { throw CancellationError() }
    }

    /// Sends what is collected.
    mutating func flush() throws {
        guard !batch.isEmpty else { return }
        guard pipe.put(batch) else { throw CancellationError() }
        batch.removeAll(keepingCapacity: true)
    }
}
