import Dispatch
import Synchronization

/// Puts each rendered chunk's files in place (``OutputFile/Group/commit()``: one flush of the
/// filesystem, then the renames) on a thread of its own, so that ``ReceiptRun`` reads and numbers the
/// next chunk while the disk catches up. At 10^6 receipts the flush waited on the disk for about 40 %
/// of the reading thread's time and left the cores waiting for their next chunk (Benchmarks/JOURNAL.md).
///
/// The chunks are committed in the order given, and at most one waits or runs here, so the files not
/// yet in place stay bounded by a few chunks.
final class BackgroundCommit: Sendable {
    private let queue = DispatchQueue(label: "raschet.receipt-commit")
    private let group = DispatchGroup()
    /// The first failure; later chunks are not committed and ``commit(_:)`` or ``finish()`` throws it.
    private let failure = Mutex<(any Error)?>(nil)

    /// Waits for the previous chunk's commit, then commits `files` in the background.
    /// - Throws: the failure of an earlier commit.
    func commit(_ files: OutputFile.Group) throws {
        group.wait()
        if let failure = failure.withLock({ $0 }) { throw failure }
        queue.async(group: group) {
            do {
                try files.commit()
            } catch {
                self.failure.withLock { $0 = error }
            }
        }
    }

    /// Waits for the last commit.
    /// - Throws: the failure of any commit.
    func finish() throws {
        group.wait()
        if let failure = failure.withLock({ $0 }) { throw failure }
    }

    /// Waits for the commit in the background, if any (a run that fails lets it end before it returns).
    func drain() {
        group.wait()
    }
}
