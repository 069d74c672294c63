/// Base64 (RFC 2045 section 6.8) for MIME bodies and encoded words.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` encoded, on one line.
    static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = iterator.next()
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 0x03) << 4 | (b ?? 0) >> 4)])
            out.append(b.map { alphabet[Int(($0 & 0x0F) << 2 | (c ?? 0) >> 6)] } ?? UInt8(ascii: "="))
            out.append(c.map { alphabet[Int($0 & 0x3F)] } ?? UInt8(ascii: "="))
        }
        return out
    }

    /// `bytes` encoded and broken into CRLF-terminated lines of at most 76 characters (RFC 2045).
    /// - Complexity: O(n).
    static func encodeLines(_ bytes: [UInt8], into out: inout [UInt8]) {
        let encoded = encode(bytes)
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            out.append(contentsOf: encoded[start..<end])
            out.append(contentsOf: [0x0D, 0x0A])
            start = end
        }
    }
}
