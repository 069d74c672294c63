import Synchronization

/// A bounded cache of a pure function's results, shared by the threads of a run (behind a `Mutex`).
///
/// Two generations of at most ``capacity`` entries each: when the current one is full it becomes the
/// previous one and a new one starts; a value found in the previous generation moves to the current
/// one. So the texts every receipt repeats (headings, units, tariffs) stay while each receipt's own
/// (names, addresses, amounts) pass through, and memory stays bounded whatever the number of documents.
public final class SharedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Generations {
        var current: [Key: Value] = [:]
        var previous: [Key: Value] = [:]
    }

    /// Entries per generation.
    public let capacity: Int
    private let generations = Mutex(Generations())

    /// An empty cache of up to twice `capacity` entries.
    public init(capacity: Int) { self.capacity = capacity }

    /// The cached value of `key`, if any.
    public func value(for key: Key) -> Value? {
        generations.withLock { cache in
            if let value = cache.current[key] { return value }
            guard let value = cache.previous.removeValue(forKey: key) else { return nil }
            Self.insert(value, for: key, into: &cache, capacity: capacity)
            return value
        }
    }

    /// Caches `value` for `key`.
    public func store(_ value: Value, for key: Key) {
        generations.withLock { Self.insert(value, for: key, into: &$0, capacity: capacity) }
    }

    private static func insert(_ value: Value, for key: Key, into cache: inout Generations, capacity: Int) {
        if cache.current.count >= capacity {
            cache.previous = cache.current
            cache.current = [:]
            cache.current.reserveCapacity(capacity)
        }
        cache.current[key] = value
    }
}
