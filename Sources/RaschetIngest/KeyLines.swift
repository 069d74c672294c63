/// The duplicate-key table of `ImportChecker`: each natural key's 64-bit hash (already a `Hasher`
/// result) with the line where the key was first seen and that line's file, by its position among
/// the entity's files.
///
/// An open-addressing table indexed by the hash's own low bits, so that a key is not hashed a second
/// time (a `Dictionary<Int, Int32>` hashes its `Int` keys again, once to look up and once to insert).
/// A slot holds its line plus one (0: empty). At most three quarters full, as a `Dictionary`: 13
/// bytes per slot.
struct KeyLines {
    private var hashes: [Int] = []
    /// Each slot's line plus one (the bit pattern of a line, which is never negative), 0 when empty.
    private var lines: [UInt32] = []
    /// Each slot's file (`insert`'s `file`).
    private var files: [UInt8] = []
    /// The keys held.
    private(set) var count = 0
    /// `hashes.count - 1`; the capacity is a power of two.
    private var mask = -1

    /// Where `hash` is, or the empty slot where it would go; nil when the table has no slots yet.
    private func slot(of hash: Int) -> Int? {
        guard mask >= 0 else { return nil }
        var index = hash & mask
        while lines[index] != 0, hashes[index] != hash { index = (index &+ 1) & mask }
        return index
    }

    /// The line and file where `hash`'s key was first seen, nil when it was not.
    func first(of hash: Int) -> (line: Int32, file: UInt8)? {
        guard let index = slot(of: hash), lines[index] != 0 else { return nil }
        return (Int32(bitPattern: lines[index] &- 1), files[index])
    }

    /// Records the line and file where `hash`'s key is first seen; a key seen before keeps its own.
    mutating func insert(_ hash: Int, line: Int32, file: UInt8) {
        if count >= (mask &+ 1) / 4 * 3 { reserveCapacity(max(count &* 2, 8)) }
        guard let index = slot(of: hash), lines[index] == 0 else { return }
        hashes[index] = hash
        lines[index] = UInt32(bitPattern: line) &+ 1
        files[index] = file
        count &+= 1
    }

    /// Makes room for `total` keys without growing.
    mutating func reserveCapacity(_ total: Int) {
        var capacity = 8
        while capacity / 4 * 3 < total { capacity &*= 2 }
        guard capacity > mask &+ 1 else { return }
        let old = (hashes, lines, files)
        hashes = [Int](repeating: 0, count: capacity)
        lines = [UInt32](repeating: 0, count: capacity)
        files = [UInt8](repeating: 0, count: capacity)
        mask = capacity &- 1
        for index in old.0.indices where old.1[index] != 0 {
            var slot = old.0[index] & mask
            while lines[slot] != 0 { slot = (slot &+ 1) & mask }
            hashes[slot] = old.0[index]
            lines[slot] = old.1[index]
            files[slot] = old.2[index]
        }
    }
}
