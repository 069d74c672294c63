import Dispatch
import Synchronization

/// Flate-compresses a group of page contents on all cores while the caller goes on laying out pages.
///
/// **Concurrency in the PDF stack is done one way: work items on the global concurrent queue joined by
/// a `DispatchGroup`** (`async(group:)` to fork, `wait()` to join). The stack's API is synchronous
/// (``PDFDocument``, `LayoutDocument`, `EmbeddedFont` are driven from plain code and from inside the
/// callers' own tasks), and it needs two shapes of parallel work:
/// - fork now, join later: this job starts when a group of pages is full and is joined only when the
///   next group is full, so compression overlaps layout. `DispatchQueue.concurrentPerform` cannot do
///   that (it returns when the work is done), and Swift tasks cannot be awaited from synchronous code
///   without blocking a thread on a semaphore (which can starve the cooperative pool);
/// - fork-join over a batch (QR codes in `QRCode.encode(all:)`): the same group, waited at once.
///
/// The global queue runs at most about one item per core, so no pool has to be sized here. Results
/// go into a `Mutex`-guarded array, one slot per item, so the type is `Sendable` without unchecked
/// code; the slots are read once, after the join.
final class CompressionJob: Sendable {
    private let group = DispatchGroup()
    private let slots: Mutex<[[UInt8]]>

    /// Starts compressing each of `contents` at zlib `level` on the global concurrent queue.
    init(contents: [[UInt8]], level: Int32) {
        slots = Mutex([[UInt8]](repeating: [], count: contents.count))
        for index in contents.indices {
            let content = contents[index]
            DispatchQueue.global().async(group: group) {
                let compressed = Flate.compress(content, level: level)
                self.slots.withLock { $0[index] = compressed }
            }
        }
    }

    /// Waits until every content is compressed; returns them in the order given.
    func results() -> [[UInt8]] {
        group.wait()
        return slots.withLock { $0 }
    }
}
