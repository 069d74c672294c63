@testable import PDFWriter
import Testing

@Suite("Flate streams")
struct FlateTests {
    /// Bytes that do not repeat in a simple way, so that compression has work to do.
    static func sample(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) } }

    @Test("compressed streams read back exactly, at every level", arguments: [0, 1, 6, 9] as [Int32])
    func compressedStreamsReadBack(level: Int32) {
        for count in [0, 1, 20_898, 200_000] {
            let data = Self.sample(count)
            #expect(Flate.decompress(Flate.compress(data, level: level)) == data, "\(count) bytes")
        }
    }

    @Test("the stored form, used when no compressor can be allocated, is a zlib stream of 64 KiB blocks")
    func storedBlocks() {
        // Empty: header, one final empty block (LEN 0, NLEN FFFF), Adler-32 of nothing (1).
        #expect(Flate.stored([]) == [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01])
        // "a": one final block of 1 byte; Adler-32 = (1 + 97) | (1 + 97) << 16 = 0x00620062.
        #expect(Flate.stored([0x61]) == [0x78, 0x01, 0x01, 0x01, 0x00, 0xFE, 0xFF, 0x61, 0x00, 0x62, 0x00, 0x62])
        for count in [65_535, 65_536, 200_000] {
            let data = Self.sample(count)
            let stored = Flate.stored(data)
            let blocks = (count + 65_534) / 65_535
            #expect(stored.count == 2 + 5 * blocks + count + 4, "\(count) bytes")
            #expect(Flate.decompress(stored) == data, "\(count) bytes")
        }
    }
}
