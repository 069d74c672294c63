import Dispatch
import RaschetCore
import RaschetStore
import Synchronization

/// The close's pipeline: while one batch is written, the next is loaded and billed. The batch is cut
/// into chunks of contiguous accounts; each billing worker has its own read-only connection and takes
/// the next chunk as it finishes one, loads it (one query per table over the chunk's account-id
/// range) and bills it. Lines of earlier closes are loaded only for the accounts whose close reads
/// them (`AccountClose.prepare`: a recomputed period or a late payment), unless the close recomputes
/// everything.
///
/// The writer and the billing workers are the iterations of one `concurrentPerform`: libdispatch runs
/// a `concurrentPerform` nested in another on the calling thread alone, so a pool of workers inside
/// one lane would bill on one core.
struct ClosePipeline {
    let store: Store
    /// One read-only connection per billing worker (at least one).
    let readers: [CloseInputReader]
    let reference: CloseReference
    let close: AccountClose
    /// Which readings every chunk reads (`AccountClose.readingsBound`), once per close.
    let readingsBound: ReadingsBound?
    /// The accounts whose readings are read whole rather than from the bound
    /// (`CloseInputReader.accountsReadWhole(with:)`), once per close.
    let readWhole: Set<String>
    /// The period from which input marks count (`InputMarksTable`: the previous period, whose close
    /// began before them), when the close uses them (`AccountClose.usesInputMarks`).
    let marksSince: Period?

    init(store: Store, readers: [CloseInputReader], reference: CloseReference, close: AccountClose) throws(StoreError) {
        self.store = store
        self.readers = readers
        self.reference = reference
        self.close = close
        let usesMarks = close.usesInputMarks(previousRulesDigest: reference.previousRulesDigest,
                                             marksEveryAccount: reference.marksEveryAccount)
        marksSince = usesMarks ? close.period.previous : nil
        readingsBound = close.readingsBound(earlierCloses: reference.earlierCloses, earliestReading: reference.earliestReading,
                                            usesInputMarks: usesMarks)
        readWhole = try readingsBound.map { bound throws(StoreError) in try readers[0].accountsReadWhole(with: bound) } ?? []
    }

    /// Accounts per chunk: small enough that the workers finish a batch within a chunk of each other,
    /// large enough that a chunk's range queries cost little beside its rows.
    static let chunkSize = 250

    /// What one step did: the next batch's outcomes and the time spent on each part.
    struct Step: Sendable {
        var outcomes: [AccountCloseOutcome]?
        /// Time the billing workers spent loading and billing, summed over the workers.
        var load: Duration = .zero
        var compute: Duration = .zero
        /// Time the writer spent writing the previous batch.
        var save: Duration = .zero
        var error: StoreError?
    }

    /// One step: iteration 0 writes the previous batch's outcomes in one write transaction on the
    /// store's (only) writer, then calls `committed`; the other iterations, one per reader, load and
    /// bill the next batch's chunks. With fewer cores than iterations, a worker starts when the writer
    /// or another worker is done. The batches' accounts are disjoint and the rows a batch reads are not
    /// among those the previous batch writes (other accounts' rows of the period being closed), so the
    /// overlap changes no result; a chunk's rows are those of its own id range, so the outcomes do not
    /// depend on the number of workers or on timing.
    func step(saving: [AccountCloseOutcome]?, billing: [String]?, committed: @Sendable () -> Void) throws(StoreError) -> Step {
        let clock = ContinuousClock()
        let chunks = billing.map { ids in
            stride(from: 0, to: ids.count, by: Self.chunkSize).map { ids[$0..<min($0 + Self.chunkSize, ids.count)] }
        } ?? []
        let nextChunk = Atomic<Int>(0)
        let billed = Mutex<[[AccountCloseOutcome]?]>(Array(repeating: nil, count: chunks.count))
        let step = Mutex(Step())
        DispatchQueue.concurrentPerform(iterations: 1 + readers.count) { iteration in
            if iteration == 0 {
                guard let saving else { return }
                let start = clock.now
                do throws(StoreError) {
                    try store.saveClose(saving, period: close.period)
                    committed()
                    step.withLock { $0.save = clock.now - start }
                } catch {
                    step.withLock { $0.error = error }
                }
                return
            }
            let reader = readers[iteration - 1]
            while true {
                let index = nextChunk.add(1, ordering: .relaxed).oldValue
                guard index < chunks.count, step.withLock({ $0.error == nil }) else { return }
                let start = clock.now
                do throws(StoreError) {
                    let inputs = try load(chunks[index], reader: reader)
                    let loaded = clock.now
                    let outcomes = inputs.map { close.close($0) }
                    let end = clock.now
                    billed.withLock { $0[index] = outcomes }
                    step.withLock { $0.load += loaded - start; $0.compute += end - loaded }
                } catch {
                    step.withLock { $0.error = error }
                }
            }
        }
        var result = step.withLock { $0 }
        if let error = result.error { throw error }
        // No error: every chunk was billed before `concurrentPerform` returned.
        if billing != nil { result.outcomes = billed.withLock { $0.flatMap { $0! } } }
        return result
    }

    /// The inputs of the accounts `ids` (ascending), in their order, ready to bill, loaded on `reader`:
    /// the readings of the close's bound (`AccountClose.readingsBound`), for the accounts whose
    /// histories those cut short the readings it leaves out too, then the whole history of those
    /// still short, the plans (`AccountClose.makePlan`; the stored
    /// fingerprints and whole volumes added for those that await them), `AccountClose.prepare` on
    /// each, then the earlier lines they need.
    private func load(_ ids: ArraySlice<String>, reader: CloseInputReader) throws(StoreError) -> [AccountCloseInput] {
        var inputs = try reader.inputs(for: Array(ids), period: close.period, reference: reference,
                                       allEarlierLines: close.recomputeAll, readings: readingsBound,
                                       readWhole: readWhole, marksSince: marksSince)
        if let bound = readingsBound {
            var short = inputs.indices.filter { !close.planReadings(&inputs[$0], first: bound.first) }
            let leftOut = short.filter { inputs[$0].billing.readingsLeftOut != nil }
            if !leftOut.isEmpty {
                try reader.addLeftOutReadings(of: bound, at: leftOut, to: &inputs)
                let suffice = Set(leftOut.filter { close.planReadings(&inputs[$0], first: bound.first) })
                short.removeAll { suffice.contains($0) }
            }
            try reader.addWholeReadings(at: short, to: &inputs)
        }
        guard !close.recomputeAll else { return inputs }
        let awaiting = inputs.indices.filter { !close.makePlan(&inputs[$0]) }
        try reader.addComparisonInputs(at: awaiting, to: &inputs, period: close.period, reference: reference)
        var needs: [EarlierLinesNeed] = []
        needs.reserveCapacity(inputs.count)
        for index in inputs.indices { needs.append(close.prepare(&inputs[index])) }
        try reader.addEarlierLines(needs, to: &inputs, reference: reference)
        return inputs
    }
}
