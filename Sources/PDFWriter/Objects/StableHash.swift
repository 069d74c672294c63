/// A stable, platform-independent 128-bit hash: the bytes are taken eight at a time as little-endian
/// words into two multiply–xorshift lanes, then the length and the last partial word are mixed in.
///
/// Used for the file `/ID` and font subset tags, where the only requirements are determinism and a low
/// chance of collision; it is not cryptographic. A word at a time because the `/ID` hashes every byte
/// of every file (a byte at a time it was 2.5 % of a receipt's time). Swift's `Hasher` is seeded per
/// process and must not be used for output. The digest depends only on the bytes, not on how they
/// were split between calls to ``combine(_:)``.
public struct StableHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    /// Bytes not yet making a whole word, the first in the low byte.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// Creates a hash with the standard initial state.
    public init() {}

    /// Mixes `bytes` into the hash.
    /// - Complexity: O(n).
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            absorb(UnsafeRawBufferPointer(buffer))
        }
        if contiguous == nil {
            for byte in bytes { add(byte) }
        }
    }

    /// Mixes the UTF-8 bytes of `text` into the hash.
    public mutating func combine(_ text: String) { combine(Array(text.utf8)) }

    /// The 16-byte digest.
    public var digest: [UInt8] {
        var copy = self
        copy.mix(copy.pending ^ copy.length << 56 ^ UInt64(copy.pendingCount))
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for lane in [Self.finish(copy.a), Self.finish(copy.b ^ copy.a)] {
            for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: lane >> UInt64(shift))) }
        }
        return result
    }

    private mutating func absorb(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while pendingCount != 0, offset < buffer.count {
            add(buffer[offset])
            offset += 1
        }
        while offset + 8 <= buffer.count {
            mix(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            length &+= 8
            offset += 8
        }
        while offset < buffer.count {
            add(buffer[offset])
            offset += 1
        }
    }

    private mutating func add(_ byte: UInt8) {
        pending |= UInt64(byte) << UInt64(pendingCount * 8)
        pendingCount += 1
        length &+= 1
        if pendingCount == 8 {
            mix(pending)
            pending = 0
            pendingCount = 0
        }
    }

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
        a ^= a >> 29
        b = (b ^ (word << 32 | word >> 32)) &* 0xC2B2_AE3D_27D4_EB4F
        b ^= b >> 31
    }

    /// The final avalanche of a lane (SplitMix64's).
    private static func finish(_ lane: UInt64) -> UInt64 {
        var z = lane
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
