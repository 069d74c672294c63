/// A key that carries its own hash, taken once when the key is made (``ShapeKey``, ``LinesKey``).
protocol DigestKey: Equatable {
    /// The key's hash: equal keys have equal digests, and its low bits are as good as its high ones.
    var digest: Int { get }
}

/// A hash table of at most ``capacity`` entries found by their keys' own digests: a lookup is an index,
/// a digest comparison per slot probed and one key comparison on a match, with no hashing of its own
/// (a `Dictionary` hashes the key's digest again, with its seeded hasher, at every lookup and insert).
/// Open addressing with linear probing over twice as many slots as entries. Entries are never removed:
/// a full table is replaced whole (``TextCache``'s generations).
struct DigestTable<Key: DigestKey, Value> {
    /// Per slot: 0 when empty, else the key's digest with its lowest bit set (never 0).
    private var marks: [UInt]
    private var keys: [Key?]
    private var values: [Value?]
    private let mask: Int
    /// The entries held.
    private(set) var count = 0
    /// The most entries the table takes.
    let capacity: Int

    /// An empty table for `capacity` entries.
    init(capacity: Int) {
        var slots = 16
        while slots < 2 * capacity { slots <<= 1 }
        marks = Array(repeating: 0, count: slots)
        keys = Array(repeating: nil, count: slots)
        values = Array(repeating: nil, count: slots)
        mask = slots - 1
        self.capacity = capacity
    }

    /// Whether the table holds ``capacity`` entries.
    var isFull: Bool { count >= capacity }

    /// The value of `key`, if held.
    func value(for key: Key) -> Value? {
        let mark = Self.mark(key.digest)
        var slot = key.digest & mask
        while marks[slot] != 0 {
            if marks[slot] == mark, keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `value` for `key`, a key the table does not hold.
    /// - Precondition: the table is not full.
    mutating func insert(_ value: Value, for key: Key) {
        precondition(!isFull, "DigestTable: insert into a full table")
        var slot = key.digest & mask
        while marks[slot] != 0 { slot = (slot + 1) & mask }
        marks[slot] = Self.mark(key.digest)
        keys[slot] = key
        values[slot] = value
        count += 1
    }

    private static func mark(_ digest: Int) -> UInt { UInt(bitPattern: digest) | 1 }
}
