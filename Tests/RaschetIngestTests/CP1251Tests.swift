import RaschetIngest
import Testing

@Suite("windows-1251 decoding")
struct CP1251Tests {
    @Test(
        "Single bytes decode to their Unicode characters",
        arguments: [
            (UInt8(0x41), "A"), (0x00, "\u{0}"), (0x7F, "\u{7F}"),
            (0x80, "Ђ"), (0x88, "€"), (0x96, "–"), (0x98, "\u{FFFD}"), (0x99, "™"), (0xA0, "\u{A0}"),
            (0xA8, "Ё"), (0xB8, "ё"), (0xB9, "№"), (0xC0, "А"), (0xDF, "Я"), (0xE0, "а"), (0xFF, "я"),
        ])
    func singleBytes(byte: UInt8, expected: String) {
        #expect(CP1251.decodeToUTF8([byte]) == Array(expected.utf8))
    }

    @Test("Every byte decodes to exactly one character, 0x98 to U+FFFD")
    func allBytes() {
        let all = (0...255).map { UInt8($0) }
        let decoded = String(decoding: CP1251.decodeToUTF8(all), as: UTF8.self)
        let scalars = Array(decoded.unicodeScalars)
        #expect(scalars.count == 256)
        #expect(scalars[0..<128].map(\.value) == (0..<128).map { UInt32($0) })
        #expect(scalars.filter { $0 == "\u{FFFD}" }.count == 1)
        #expect(scalars[0x98] == "\u{FFFD}")
        // А..я are the contiguous block 0xC0...0xFF.
        #expect(scalars[0xC0...].map(\.value) == Array(0x0410...0x044F))
    }

    @Test("A Russian line decodes to its UTF-8 twin")
    func russianLine() {
        let text = "Иванов;54,30;31.10.2026"
        #expect(CP1251.decodeToUTF8(cp1251Bytes(text)) == Array(text.utf8))
        #expect(CP1251.decodeToUTF8([]) == [])
        #expect(CP1251.decodeToUTF8(Array("plain ascii".utf8)) == Array("plain ascii".utf8))
    }

    @Test("Encoding is the inverse of decoding; characters outside the code page have no byte")
    func encoding() {
        for byte in (0...255).map(UInt8.init) where byte != 0x98 {
            let decoded = String(decoding: CP1251.decodeToUTF8([byte]), as: UTF8.self)
            #expect(decoded.unicodeScalars.map { CP1251.byte(for: $0) } == [byte], "\(byte)")
        }
        #expect(CP1251.byte(for: "Ё") == 0xA8)
        #expect(CP1251.byte(for: "№") == 0xB9)
        #expect(CP1251.byte(for: "·") == 0xB7)
        #expect(CP1251.byte(for: "я") == 0xFF)
        #expect(CP1251.byte(for: "ß") == nil)
        #expect(CP1251.byte(for: "³") == nil)
        #expect(CP1251.byte(for: "\u{FFFD}") == nil)
        #expect(CP1251.byte(for: "😀") == nil)
    }
}
