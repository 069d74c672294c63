import RaschetIngest
import Synchronization

/// The rows an import refused, kept in memory in the order they came, for a test to read.
final class CollectedRejectedRows: RejectedRowsOutput {
    private let collected = Mutex<[(row: RejectedRow, file: String)]>([])

    var rows: [(row: RejectedRow, file: String)] { collected.withLock { $0 } }

    func add(_ row: RejectedRow, file: String) throws {
        collected.withLock { $0.append((row, file)) }
    }
}
