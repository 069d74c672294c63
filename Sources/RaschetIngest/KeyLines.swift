import RaschetCore

/// The duplicate-key table of `ImportChecker`: each natural key's 64-bit hash (already a `Hasher`
/// result) with the line where the key was first seen and that line's file, by its position among
/// the entity's files.
///
/// Two parts, so that a file of tens of millions of rows costs a few bytes a row:
/// - a filter of 2 bytes a slot: a 16-bit fingerprint of each hash in an open-addressing table
///   indexed by the hash's own low bits (not hashed a second time), at most three quarters full. A
///   new key finds no equal fingerprint on its way, and is told apart at once;
/// - the exact entries (hash, line, file; 16 bytes each) in 4,096 partitions by hash, in memory up to
///   `residentEntries` and then written to a `PageSpill` a partition's block at a time. A partition is
///   read (from memory and its blocks) only when the filter cannot tell: for a duplicate, and for about
///   one new key in 10^4, whose fingerprint equals one on its way.
struct KeyLines {
    /// Where a key was first seen.
    private struct Entry {
        var hash: Int
        var line: Int32
        var file: UInt8
    }

    private static let partitionBits = 12
    /// Each slot's fingerprint, 0 when empty (`fingerprint(of:)` is never 0).
    private var fingerprints: [UInt16] = []
    /// `fingerprints.count - 1`; the capacity is a power of two.
    private var mask = -1
    /// The keys held.
    private(set) var count = 0
    /// Each partition's entries in memory, in the order inserted.
    private var partitions = [[Entry]](repeating: [], count: 1 << partitionBits)
    /// Each partition's blocks in the spill, in the order written.
    private var blocks = [[(offset: Int64, count: Int)]](repeating: [], count: 1 << partitionBits)
    /// The entries in memory in all partitions.
    private var resident = 0
    private let residentEntries: Int
    private let spill: (any PageSpill)?
    /// Where the spill's next block goes.
    private var spillEnd: Int64 = 0

    /// A table that keeps about `residentEntries` entries in memory and the others in `spill`; without a
    /// spill, all of them in memory.
    init(spill: (any PageSpill)? = nil, residentEntries: Int = .max) {
        self.spill = spill
        self.residentEntries = residentEntries
    }

    /// The hash's bits mixed, so that fingerprints and partitions do not follow its low bits (the slot).
    private static func mixed(_ hash: Int) -> UInt64 { UInt64(bitPattern: Int64(hash)) &* 0x9E37_79B9_7F4A_7C15 }

    private static func fingerprint(of hash: Int) -> UInt16 { max(UInt16(truncatingIfNeeded: mixed(hash) >> 32), 1) }

    private static func partition(of hash: Int) -> Int { Int(truncatingIfNeeded: mixed(hash) >> (64 - UInt64(partitionBits))) }

    /// The line and file where `hash`'s key was first seen, nil when it was not.
    /// - Throws: what the spill throws reading a block back.
    func first(of hash: Int) throws -> (line: Int32, file: UInt8)? {
        guard mask >= 0 else { return nil }
        let fingerprint = Self.fingerprint(of: hash)
        var index = hash & mask
        while fingerprints[index] != 0 {
            if fingerprints[index] == fingerprint { return try exact(hash) }
            index = (index &+ 1) & mask
        }
        return nil
    }

    /// `hash`'s entry, looked for in its partition: in memory, then in its blocks in the spill.
    private func exact(_ hash: Int) throws -> (line: Int32, file: UInt8)? {
        let partition = Self.partition(of: hash)
        var found: Entry?
        for block in blocks[partition] where found == nil {
            found = try entries(of: block).first { $0.hash == hash }
        }
        found = found ?? partitions[partition].first { $0.hash == hash }
        return found.map { ($0.line, $0.file) }
    }

    /// The entries of a block, read back from the spill.
    private func entries(of block: (offset: Int64, count: Int)) throws -> [Entry] {
        var entries = [Entry](repeating: Entry(hash: 0, line: 0, file: 0), count: block.count)
        try entries.withUnsafeMutableBytes { try spill!.read(into: $0, at: block.offset) }
        return entries
    }

    /// Records the line and file where `hash`'s key is first seen.
    /// - Precondition: `first(of: hash)` is nil (the checker adds a key only when it is new).
    /// - Throws: what the spill throws writing or reading blocks.
    mutating func insert(_ hash: Int, line: Int32, file: UInt8) throws {
        if count >= (mask &+ 1) / 4 * 3 { try reserveCapacity(max(count &* 2, 8)) }
        place(Self.fingerprint(of: hash), at: hash & mask)
        partitions[Self.partition(of: hash)].append(Entry(hash: hash, line: line, file: file))
        count &+= 1
        resident &+= 1
        if resident > residentEntries, let spill { try write(to: spill) }
    }

    /// Puts `fingerprint` in the first empty slot from `index` on.
    private mutating func place(_ fingerprint: UInt16, at index: Int) {
        var slot = index
        while fingerprints[slot] != 0 { slot = (slot &+ 1) & mask }
        fingerprints[slot] = fingerprint
    }

    /// Writes each partition's entries in memory to the spill as a block of its own.
    private mutating func write(to spill: any PageSpill) throws {
        for partition in partitions.indices where !partitions[partition].isEmpty {
            let entries = partitions[partition]
            try entries.withUnsafeBytes { try spill.write($0, at: spillEnd) }
            blocks[partition].append((spillEnd, entries.count))
            spillEnd += Int64(entries.count * MemoryLayout<Entry>.stride)
            partitions[partition] = []
        }
        resident = 0
    }

    /// Makes room for `total` keys without growing: the filter is made again from the entries (the old
    /// one freed first).
    mutating func reserveCapacity(_ total: Int) throws {
        var capacity = 8
        while capacity / 4 * 3 < total { capacity &*= 2 }
        guard capacity > mask &+ 1 else { return }
        fingerprints = []
        fingerprints = [UInt16](repeating: 0, count: capacity)
        mask = capacity &- 1
        for partition in partitions.indices {
            for block in blocks[partition] {
                for entry in try entries(of: block) { place(Self.fingerprint(of: entry.hash), at: entry.hash & mask) }
            }
            for entry in partitions[partition] { place(Self.fingerprint(of: entry.hash), at: entry.hash & mask) }
        }
    }
}
