/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, seedable generator with 64 bits of state.
///
/// The synthetic data set must be the same bytes for the same seed on every platform and every
/// run, so it cannot use the system generator. SplitMix64 passes BigCrush, costs a few
/// multiplications per draw, and its finalizer doubles as a hash (`mix`) that derives an
/// independent stream for each account and meter from the user's seed: every file can then be
/// written in its own pass over the accounts without keeping any per-account state.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A stream keyed by the data set's seed and up to three integers (account, meter, month...).
    init(seed: UInt64, _ a: Int, _ b: Int = 0, _ c: Int = 0) {
        state = Self.key(seed, a, b, c)
    }

    static func key(_ seed: UInt64, _ a: Int, _ b: Int = 0, _ c: Int = 0) -> UInt64 {
        var h = mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        h = mix(h ^ UInt64(bitPattern: Int64(a)) &* 0xD1B5_4A32_D192_ED03)
        h = mix(h ^ UInt64(bitPattern: Int64(b)) &* 0x8CB9_2BA7_2F3D_8DD7)
        return mix(h ^ UInt64(bitPattern: Int64(c)) &* 0xA24B_AED4_963E_E407)
    }

    /// The SplitMix64 output function (a bijective 64-bit finalizer).
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A value in `0..<bound` (multiply-high; the bias is below 2^-40 for the small bounds used here).
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `range`.
    @inline(__always) mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille` / 1000.
    @inline(__always) mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }
}
