import RaschetCore
import Synchronization

/// Stored rows given by a test, counting the lookups, as the store's snapshot would answer them.
final class FixedSnapshot: StoredSnapshot, StoredLookup {
    struct Failure: Error, Equatable {}

    let readings: [Reading]
    let posted: [PostedPayment]
    /// Fail every lookup, as a database error would.
    let fail: Bool
    private let lookups = Mutex<[String]>([])
    /// The meters (of each reading looked up) and payment ids looked up, in order.
    var seen: [String] { lookups.withLock { $0 } }

    init(readings: [Reading] = [], posted: [PostedPayment] = [], fail: Bool = false) {
        self.readings = readings
        self.posted = posted
        self.fail = fail
    }

    func withLookup<T>(_ body: (any StoredLookup) throws -> T) throws -> T { try body(self) }

    func neighbours(of reading: Reading) throws -> KnownMeters.Neighbours {
        lookups.withLock { $0.append(reading.meterID) }
        if fail { throw Failure() }
        return KnownMeters.Neighbours(of: reading, amongStored: readings.filter { $0.meterID == reading.meterID })
    }

    func postedPayment(_ id: String) throws -> PostedPayment? {
        lookups.withLock { $0.append(id) }
        if fail { throw Failure() }
        return posted.first { $0.payment.id == id }
    }
}
