/// FNV-1a (64-bit) over a message's content: the source of its MIME boundaries, so the same
/// message always renders to the same bytes. Not a security hash; boundaries only need to be
/// absent from the parts, which they are by construction (see `MailMessage+Rendering`).
struct ContentHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        value ^= 0xFF
        value = value &* 0x0000_0100_0000_01B3
    }

    /// 16 lower-case hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
