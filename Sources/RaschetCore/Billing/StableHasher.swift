/// A 64-bit hash that is the same in every process and on every platform (FNV-1a over a
/// self-delimiting encoding of the values fed), unlike Swift's `Hasher`, which is seeded per
/// process. The close stores these hashes and compares them at later closes.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// The hash of everything combined so far.
    public var value: UInt64 { state }

    /// FNV-1a's step: `state` with one more byte fed.
    @inline(__always)
    private static func feed(_ state: UInt64, _ byte: UInt64) -> UInt64 { (state ^ byte) &* 0x0000_0100_0000_01b3 }

    /// The 8 bytes, least significant first.
    public mutating func combine(_ value: UInt64) {
        var v = value
        for _ in 0..<8 {
            state = Self.feed(state, v & 0xff)
            v >>= 8
        }
    }

    public mutating func combine(_ value: Int64) { combine(UInt64(bitPattern: value)) }
    public mutating func combine(_ value: Int) { combine(Int64(value)) }
    public mutating func combine(_ value: Bool) { combine(value ? 1 : 0) }

    /// The length, then the UTF-8 bytes: "ab", "c" and "a", "bc" differ. The bytes are read from the
    /// text's own storage (`withUTF8`: no copy for a native string); through `utf8`'s iterator the
    /// same names and addresses took 1.7 times as long (Benchmarks/JOURNAL.md).
    public mutating func combine(_ value: String) {
        combine(value.utf8.count)
        var value = value
        value.withUTF8 { bytes in
            var state = self.state
            for byte in bytes { state = Self.feed(state, UInt64(byte)) }
            self.state = state
        }
    }

    public mutating func combine(_ value: ExactDecimal) { combine(value.micros) }
    public mutating func combine(_ value: CivilDate) { combine(value.dayNumber) }
    public mutating func combine(_ value: Period) { combine(value.ordinal) }

    /// A marker for absent, else 1 and the value: nil and a value never collide by construction.
    public mutating func combine(_ value: String?) { if let value { combine(1); combine(value) } else { combine(0) } }
    public mutating func combine(_ value: ExactDecimal?) { if let value { combine(1); combine(value) } else { combine(0) } }
    public mutating func combine(_ value: CivilDate?) { if let value { combine(1); combine(value) } else { combine(0) } }
    public mutating func combine(_ value: Int?) { if let value { combine(1); combine(value) } else { combine(0) } }
}
