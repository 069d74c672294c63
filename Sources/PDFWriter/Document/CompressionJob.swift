import Dispatch

/// Compresses a group of page contents on all cores, in the background of the thread laying out pages.
///
/// `@unchecked Sendable`: `results` is written only by `run()` (each index by one iteration of
/// `concurrentPerform`) and read only after the owner waited for the job's `DispatchGroup`.
final class CompressionJob: @unchecked Sendable {
    private let contents: [[UInt8]]
    private let level: Int32
    private(set) var results: [[UInt8]]

    init(contents: [[UInt8]], level: Int32) {
        self.contents = contents
        self.level = level
        results = [[UInt8]](repeating: [], count: contents.count)
    }

    func run() {
        let contents = contents
        let level = level
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: contents.count) { index in
                slots[index] = Flate.compress(contents[index], level: level)
            }
        }
    }
}
