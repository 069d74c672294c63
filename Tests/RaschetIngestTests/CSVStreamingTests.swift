import Foundation
import RaschetCore
import RaschetIngest
import RaschetTesting
import Testing

/// `CSVReader.open` streams a UTF-8 file a chunk at a time: whatever the chunk size, even one byte,
/// and wherever a chunk ends (inside a quoted field spanning lines, between CR and LF, inside a
/// two-byte letter, inside the header), it reads exactly what reading the whole file gives, rows and
/// errors alike.
@Suite struct CSVStreamingTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every outcome of `next()` until the end: `line: name=value|...` or `error: message`.
    static func outcomes(_ reader: inout CSVReader) -> [String] {
        var result = ["header: " + reader.header.joined(separator: "|")]
        while true {
            do {
                guard let record = try reader.next() else { return result }
                result.append("\(record.line): " + zip(record.names, record.values).map { "\($0)=\($1)" }.joined(separator: "|"))
            } catch {
                result.append("error: " + error.description)
            }
        }
    }

    static func compare(_ bytes: [UInt8], chunkSizes: [Int] = [1, 2, 3, 5, 7, 64, 1 << 22]) throws {
        let folder = try TemporaryFolder("raschet-stream")
        defer { folder.remove() }
        let path = try folder.write("f.csv", bytes: bytes)
        var whole = try CSVReader(bytes: bytes, file: "f.csv")
        let expected = outcomes(&whole)
        for size in chunkSizes {
            var streamed = try CSVReader.open(path: path, file: "f.csv", chunkSize: size)
            #expect(streamed.encoding == whole.encoding)
            #expect(outcomes(&streamed) == expected, "chunk size \(size)")
        }
    }

    @Test func quotedLineBreaksCRLFBlankLinesAndErrorsAcrossChunks() throws {
        let text = "\u{FEFF} account_id ;\"name\";amount\r\n1001;\"Иванов\r\nИван\";54,30\r\n\r\n   \n"
            + "1002;Пе\"тров;1\n1003;\"Сидоров \"\"мл.\"\"\";7\n1004;x\n1005;\"open;9\n"
        try Self.compare(Array(text.utf8))
    }

    @Test func aFileWithoutTheLastLineEndAndOneOfOnlyAHeader() throws {
        try Self.compare(Array("a;b\n1;2".utf8))
        try Self.compare(Array("a;b".utf8))
        try Self.compare(Array("a;b\r".utf8))
    }

    @Test func everyFixtureFileReadsTheSameStreamed() throws {
        let folder = Self.packageRoot.appendingPathComponent("Fixtures").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            try Self.compare(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))), chunkSizes: [7, 4096])
        }
    }

    /// A windows-1251 file is not streamed (it is decoded whole), and gives the same rows as ever.
    @Test func aWindows1251FileIsReadWhole() throws {
        let bytes: [UInt8] = Array("name;sum\n".utf8) + [0xC8, 0xE2, 0xE0, 0xED, 0xEE, 0xE2] + Array(";5\n".utf8)
        let folder = try TemporaryFolder("raschet-stream")
        defer { folder.remove() }
        let path = try folder.write("w.csv", bytes: bytes)
        var reader = try CSVReader.open(path: path, file: "w.csv", chunkSize: 3)
        #expect(reader.encoding == .cp1251)
        #expect(Self.outcomes(&reader) == ["header: name|sum", "2: name=Иванов|sum=5"])
    }

    /// A streamed file forced to UTF-8 (or with a byte order mark) is checked whole before its first
    /// row: a byte that is not UTF-8 in a later chunk is refused with its line and offset.
    @Test func aForcedUTF8FileWithABadByteIsRefusedWithItsLine() throws {
        let bytes: [UInt8] = Array("name;sum\nАб;1\nВг;2\n".utf8) + [0xC8] + Array(";3\n".utf8)
        let folder = try TemporaryFolder("raschet-stream")
        defer { folder.remove() }
        let path = try folder.write("u.csv", bytes: bytes)
        let bom = try folder.write("b.csv", bytes: [0xEF, 0xBB, 0xBF] + bytes)
        for size in [1, 3, 7, 1 << 22] {
            #expect(throws: IngestError(file: "u.csv", line: 4, message: .utf8ByteInvalid(byte: "0xC8", offset: 23))) {
                _ = try CSVReader.open(path: path, file: "u.csv", encoding: .utf8, chunkSize: size)
            }
            #expect(throws: IngestError(file: "b.csv", line: 4, message: .utf8ByteInvalid(byte: "0xC8", offset: 26))) {
                _ = try CSVReader.open(path: bom, file: "b.csv", chunkSize: size)
            }
        }
    }

    @Test func aMissingFileIsMissingInput() {
        #expect(throws: IngestError(.missingInput, file: "none.csv", message: .cannotReadFile("No such file or directory"))) {
            _ = try CSVReader.open(path: "/nonexistent/none.csv", file: "none.csv")
        }
    }
}
