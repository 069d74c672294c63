import Dispatch
import Foundation
import RaschetCore
import RaschetStore
import Synchronization

/// The close's two-lane pipeline: while one batch is written, the next is loaded (one query per table
/// over the batch's account-id range) and billed on up to one worker per core. Lines of earlier
/// closes are loaded only for the accounts whose close reads them (`AccountClose.prepare`:
/// a recomputed period or a late payment), unless the close recomputes everything.
struct ClosePipeline {
    let store: Store
    let reader: CloseInputReader
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
    /// (only) writer; lane 1 loads the next batch on the read-only connection and bills it. The
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
                    var inputs = try reader.inputs(for: billing, period: close.period, reference: reference,
                                                   allEarlierLines: close.recomputeAll)
                    if !close.recomputeAll {
                        let prepared = concurrentMap(inputs) { input in
                            var input = input
                            let need = close.prepare(&input)
                            return (input, need)
                        }
                        inputs = prepared.map(\.0)
                        try reader.addEarlierLines(prepared.map(\.1), to: &inputs,
                                                   reference: reference)
                    }
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
