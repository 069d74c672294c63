import Dispatch
import Foundation
import RaschetCore
import RaschetStore
import Synchronization

/// The close's two-lane pipeline: while one batch is written, the next is loaded and billed. The batch
/// is loaded in contiguous slices of accounts, one per reader, each on its own read-only connection
/// (one query per table over the slice's account-id range), and billed on up to one worker per core.
/// Lines of earlier closes are loaded only for the accounts whose close reads them
/// (`AccountClose.prepare`: a recomputed period or a late payment), unless the close recomputes
/// everything.
struct ClosePipeline {
    let store: Store
    /// One read-only connection per loading worker (at least one).
    let readers: [CloseInputReader]
    let reference: CloseReference
    let close: AccountClose

    /// What one step did: the next batch's outcomes and the time of each lane.
    struct Step: Sendable {
        var outcomes: [AccountCloseOutcome]?
        var load: Duration = .zero
        var compute: Duration = .zero
        var save: Duration = .zero
        var error: StoreError?
    }

    /// One step: lane 0 writes the previous batch's outcomes in one write transaction on the store's
    /// (only) writer; lane 1 loads the next batch on the read-only connections and bills it. The
    /// batches' accounts are disjoint and the rows a batch reads are not among those the previous
    /// batch writes (other accounts' rows of the period being closed), so the overlap changes no result.
    func step(saving: [AccountCloseOutcome]?, billing: [String]?) throws(StoreError) -> Step {
        let clock = ContinuousClock()
        let step = Mutex(Step())
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            if lane == 0, let saving {
                let start = clock.now
                do throws(StoreError) {
                    try store.saveClose(saving, period: close.period)
                    step.withLock { $0.save = clock.now - start }
                } catch {
                    step.withLock { $0.error = error }
                }
            } else if lane == 1, let billing {
                let start = clock.now
                do throws(StoreError) {
                    let inputs = try load(billing)
                    let loaded = clock.now
                    let outcomes = computeAll(inputs)
                    step.withLock { $0.outcomes = outcomes; $0.load = loaded - start; $0.compute = clock.now - loaded }
                } catch {
                    step.withLock { $0.error = error }
                }
            }
        }
        let result = step.withLock { $0 }
        if let error = result.error { throw error }
        return result
    }

    /// The inputs of the accounts `ids` (ascending), in their order, ready to bill: each reader loads
    /// a contiguous slice of them and prepares its accounts (`AccountClose.prepare`, then the earlier
    /// lines they need), the slices at once. A slice's rows are those of its own id range, so the
    /// result does not depend on the number of readers or on timing.
    func load(_ ids: [String]) throws(StoreError) -> [AccountCloseInput] {
        let slices = inSlices(of: ids.count, workers: readers.count) { worker, range -> Result<[AccountCloseInput], StoreError> in
            do throws(StoreError) { return .success(try load(ids[range], reader: readers[worker])) } catch { return .failure(error) }
        }
        var inputs: [AccountCloseInput] = []
        for slice in slices { inputs += try slice.get() }
        return inputs
    }

    /// One slice of `load`, on one reader.
    private func load(_ ids: ArraySlice<String>, reader: CloseInputReader) throws(StoreError) -> [AccountCloseInput] {
        var inputs = try reader.inputs(for: Array(ids), period: close.period, reference: reference,
                                       allEarlierLines: close.recomputeAll)
        guard !close.recomputeAll else { return inputs }
        var needs: [EarlierLinesNeed] = []
        needs.reserveCapacity(inputs.count)
        for index in inputs.indices { needs.append(close.prepare(&inputs[index])) }
        try reader.addEarlierLines(needs, to: &inputs, reference: reference)
        return inputs
    }

    /// The batch's outcomes in input order.
    func computeAll(_ inputs: [AccountCloseInput]) -> [AccountCloseOutcome] {
        concurrentMap(inputs) { close.close($0) }
    }

    /// `inputs.map(transform)` in input order, on up to one worker per core (the rules are pure; each
    /// worker takes a contiguous slice, so the order and the results do not depend on timing).
    func concurrentMap<T: Sendable>(_ inputs: [AccountCloseInput],
                                    _ transform: @Sendable (AccountCloseInput) -> T) -> [T] {
        inSlices(of: inputs.count, workers: ProcessInfo.processInfo.activeProcessorCount) { _, range in
            inputs[range].map(transform)
        }.flatMap { $0 }
    }

    /// `body` of each contiguous slice of `0..<count`, one slice per worker (at most `workers`, each of
    /// at least 32 items), run at once; the results in slice order. Too few items: one slice, run here.
    private func inSlices<T: Sendable>(of count: Int, workers: Int,
                                       _ body: @Sendable (_ worker: Int, _ range: Range<Int>) -> T) -> [T] {
        let workers = min(workers, count / 32)
        guard workers > 1 else { return [body(0, 0..<count)] }
        let size = (count + workers - 1) / workers
        let results = Mutex<[T?]>(Array(repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let result = body(worker, (worker * size)..<min(count, (worker + 1) * size))
            results.withLock { $0[worker] = result }
        }
        // `concurrentPerform` returns once every worker has run, so every slot is filled.
        return results.withLock { $0.compactMap { $0 } }
    }
}
