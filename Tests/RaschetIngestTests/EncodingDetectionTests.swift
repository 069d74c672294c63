import RaschetCore
import RaschetIngest
import Testing

/// The encoding is decided per file; a damaged UTF-8 file is an error, not windows-1251 mojibake.
@Suite struct EncodingDetectionTests {
    @Test func oneBadByteInAUTF8FileIsAnErrorNamingItsLineAndOffset() {
        // "ФИО;Сумма\nИванов;1\nПетров;2\n" in UTF-8 with the lead byte of «П» (0xD0 0x9F) replaced by
        // 0xFF: 6 + 1 + 10 + 1 bytes of line 1, 12 + 3 of line 2 put it at offset 33.
        var bytes = Array("ФИО;Сумма\nИванов;1\nПетров;2\n".utf8)
        let offset = Array("ФИО;Сумма\nИванов;1\n".utf8).count
        bytes[offset] = 0xFF
        #expect(offset == 33)
        #expect(throws: IngestError(file: "p.csv", line: 3, message: .utf8ByteInvalid(byte: "0xFF", offset: 33))) {
            _ = try CSVReader(bytes: bytes, file: "p.csv")
        }
    }

    @Test func aBinaryFileIsNeitherEncoding() {
        let bytes: [UInt8] = Array("id;name\n1;".utf8) + [0x00, 0x01, 0xC8, 0x0A]
        #expect(throws: IngestError(file: "b.csv", line: 2, message: .byteNotText(byte: "0x00", offset: 10))) {
            _ = try CSVReader(bytes: bytes, file: "b.csv")
        }
    }

    @Test func aWindows1251ByteUndefinedThereIsNotText() {
        // 0xC8 0xE2 = «Ив» in windows-1251; 0x98 is unassigned in windows-1251.
        let bytes: [UInt8] = Array("name\n".utf8) + [0xC8, 0xE2, 0x98, 0x0A]
        #expect(throws: IngestError(file: "w.csv", line: 2, message: .byteNotText(byte: "0x98", offset: 7))) {
            _ = try CSVReader(bytes: bytes, file: "w.csv")
        }
    }

    @Test func windows1251TextWithAnAccidentalUTF8PairIsStillWindows1251() throws {
        // «ЯЁ» → 0xDF 0xA8, which happens to be a valid UTF-8 pair; the rest is windows-1251 Cyrillic.
        let bytes: [UInt8] = Array("name\n".utf8) + [0xDF, 0xA8, 0x0A, 0xC8, 0xE2, 0xE0, 0xED, 0xEE, 0xE2, 0x0A]
        let reader = try CSVReader(bytes: bytes, file: "w.csv")
        #expect(reader.encoding == .cp1251)
    }
}
