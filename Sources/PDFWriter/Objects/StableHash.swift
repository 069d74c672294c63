/// A stable, platform-independent 128-bit hash (two FNV-1a 64 lanes with different offset bases).
///
/// Used for the file `/ID` and font subset tags, where the only requirements are determinism and a low
/// chance of collision; it is not cryptographic. Swift's `Hasher` is seeded per process and must not be
/// used for output.
public struct StableHash: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Creates a hash with the standard initial state.
    public init() {}

    /// Mixes `bytes` into the hash.
    /// - Complexity: O(n).
    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        var a = self.a
        var b = self.b
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* Self.prime
            b = (b ^ UInt64(byte ^ 0x5A)) &* Self.prime
        }
        self.a = a
        self.b = b
    }

    /// Mixes the UTF-8 bytes of `text` into the hash.
    public mutating func combine(_ text: String) { combine(text.utf8) }

    /// The 16-byte digest.
    public var digest: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for lane in [a, b] {
            for shift in stride(from: 56, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: lane >> UInt64(shift))) }
        }
        return result
    }
}
