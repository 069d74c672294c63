/// Base64 (RFC 2045 section 6.8) for MIME bodies and encoded words.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// Input bytes per line of ``encodeLines(_:into:)``: 57 bytes give 76 characters.
    private static let bytesPerLine = 57

    /// `bytes` encoded, on one line.
    static func encode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        append(input, lineLength: nil, to: &out)
        return out
    }

    /// `bytes` encoded and broken into CRLF-terminated lines of at most 76 characters (RFC 2045).
    /// - Complexity: O(n).
    static func encodeLines(_ bytes: [UInt8], into out: inout [UInt8]) {
        append(bytes, lineLength: bytesPerLine, to: &out)
    }

    /// Appends `input` encoded to `out`, with CRLF after every `lineLength` input bytes and after
    /// the last (partial) line; nil: one line, no CRLF. A receipt's attachment is tens of kilobytes
    /// and an outbox holds one per e-receipt, so this writes through pointers into `out`'s storage.
    private static func append(_ input: [UInt8], lineLength: Int?, to out: inout [UInt8]) {
        guard !input.isEmpty else { return }
        let lines = lineLength.map { (input.count + $0 - 1) / $0 } ?? 0
        let added = (input.count + 2) / 3 * 4 + 2 * lines
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: added))
        let chunk = lineLength ?? input.count
        out.withUnsafeMutableBufferPointer { output in
            input.withUnsafeBufferPointer { source in
                alphabet.withUnsafeBufferPointer { table in
                    var written = start
                    var lineStart = 0
                    while lineStart < source.count {
                        let lineEnd = min(lineStart + chunk, source.count)
                        var index = lineStart
                        while index + 3 <= lineEnd {
                            let a = source[index], b = source[index + 1], c = source[index + 2]
                            output[written] = table[Int(a >> 2)]
                            output[written + 1] = table[Int((a & 0x03) << 4 | b >> 4)]
                            output[written + 2] = table[Int((b & 0x0F) << 2 | c >> 6)]
                            output[written + 3] = table[Int(c & 0x3F)]
                            written += 4
                            index += 3
                        }
                        if index < lineEnd {
                            let a = source[index]
                            let b: UInt8 = index + 1 < lineEnd ? source[index + 1] : 0
                            output[written] = table[Int(a >> 2)]
                            output[written + 1] = table[Int((a & 0x03) << 4 | b >> 4)]
                            output[written + 2] = index + 1 < lineEnd ? table[Int((b & 0x0F) << 2)] : UInt8(ascii: "=")
                            output[written + 3] = UInt8(ascii: "=")
                            written += 4
                        }
                        if lineLength != nil {
                            output[written] = 0x0D
                            output[written + 1] = 0x0A
                            written += 2
                        }
                        lineStart = lineEnd
                    }
                }
            }
        }
    }
}
