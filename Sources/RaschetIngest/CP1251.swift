/// windows-1251 (code page 1251, Cyrillic) to UTF-8.
///
/// Table-driven over all 256 byte values: 0x00–0x7F are ASCII, 0x80–0xFF map through
/// ``highHalf`` (taken from the Unicode consortium's CP1251.TXT mapping).
///
/// The byte 0x98 is undefined in windows-1251. It decodes to U+FFFD REPLACEMENT CHARACTER
/// rather than failing: decoding never throws, and a bad byte shows up visibly in the value
/// (and in whatever validation then rejects it) instead of aborting the whole file.
public enum CP1251 {
    /// Decodes windows-1251 bytes to UTF-8 bytes. Never fails (0x98 becomes U+FFFD).
    ///
    /// - Complexity: O(n); one allocation of at most 3n bytes.
    public static func decodeToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { decodeToUTF8($0) }
    }

    /// Decodes windows-1251 bytes held in a buffer to UTF-8 bytes.
    static func decodeToUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var highCount = 0
        for byte in bytes where byte >= 0x80 { highCount += 1 }
        if highCount == 0 { return Array(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 2 * highCount)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalar = highHalf[Int(byte) &- 0x80]
            if scalar < 0x800 {
                output.append(UInt8(0xC0 | (scalar >> 6)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                output.append(UInt8(0xE0 | (scalar >> 12)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return output
    }

    /// The windows-1251 byte of `scalar`, or nil when the code page has none (Latin letters with
    /// accents, CJK, emoji...): the inverse of the decoding table.
    public static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 { return UInt8(value) }
        if (0x0410...0x044F).contains(value) { return UInt8(value - 0x0410 + 0xC0) }
        guard value <= 0xFFFF else { return nil }
        return encodingTable[UInt16(value)]
    }

    /// Unicode scalar to byte for 0x80–0xFF (0x98, undefined, left out).
    private static let encodingTable: [UInt16: UInt8] = {
        var table: [UInt16: UInt8] = [:]
        for (offset, scalar) in highHalf.enumerated() where scalar != 0xFFFD { table[scalar] = UInt8(0x80 + offset) }
        return table
    }()

    /// Unicode scalars of bytes 0x80–0xFF (all in the BMP, all >= U+0080).
    static let highHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,  // 0x88
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,  // 0x98
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,  // 0xA0
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,  // 0xA8
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,  // 0xB0
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,  // 0xB8
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,  // 0xC0
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,  // 0xC8
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,  // 0xD0
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,  // 0xD8
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,  // 0xE0
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,  // 0xE8
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,  // 0xF0
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,  // 0xF8
    ]
}
