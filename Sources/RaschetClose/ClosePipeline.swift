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
        let workers = min(readers.count, ids.count / 32)
        guard workers > 1 else { return try load(ids[...], reader: readers[0]) }
        let size = (ids.count + workers - 1) / workers
        let slices = Mutex<[Result<[AccountCloseInput], StoreError>?]>(Array(repeating: nil, count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * size)..<min(ids.count, (worker + 1) * size)
            let result: Result<[AccountCloseInput], StoreError>
            do throws(StoreError) {
                result = .success(try load(ids[range], reader: readers[worker]))
            } catch {
                result = .failure(error)
            }
            slices.withLock { $0[worker] = result }
        }
        var inputs: [AccountCloseInput] = []
        for slice in slices.withLock({ $0 }) {
            guard let slice else { continue }
            inputs += try slice.get()
        }
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
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, inputs.count / 32)
        guard workers > 1 else { return inputs.map(transform) }
        let size = (inputs.count + workers - 1) / workers
        let slices = Mutex<[[T]]>(Array(repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * size)..<min(inputs.count, (worker + 1) * size)
            let results = inputs[range].map(transform)
            slices.withLock { $0[worker] = results }
        }
        return slices.withLock { $0.flatMap { $0 } }
    }
}
