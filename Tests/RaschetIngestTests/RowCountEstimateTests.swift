@testable import RaschetIngest
import RaschetTesting
import Testing

/// `CSVReader.estimatedRowCount()`, right after opening: the data bytes over the mean line length of
/// what is in memory (the import sizes its duplicate-key table by it).
@Suite struct RowCountEstimateTests {
    /// Ten rows of 4 bytes after a 4-byte header.
    static let tenRows = "a;b\n" + String(repeating: "1;2\n", count: 10)

    @Test func aWholeFileCountsItsLineEnds() throws {
        let reader = try CSVReader(bytes: Array(Self.tenRows.utf8), file: "f.csv")
        #expect(reader.estimatedRowCount() == 10)
    }

    @Test func aStreamedFileScalesItsFirstChunkToTheFileSize() throws {
        let folder = try TemporaryFolder("raschet-estimate")
        defer { folder.remove() }
        let even = try folder.write("even.csv", Self.tenRows)
        // The first chunk holds the header and one row: 4 bytes a line, 40 bytes of rows.
        #expect(try CSVReader.open(path: even, file: "even.csv", chunkSize: 8).estimatedRowCount() == 10)
        #expect(try CSVReader.open(path: even, file: "even.csv").estimatedRowCount() == 10)
        // Rows of 2, 3 and 4 bytes; the first chunk's row (2 bytes) stands for all 9 bytes of rows.
        let uneven = try folder.write("uneven.csv", "id\n1\n22\n333\n")
        #expect(try CSVReader.open(path: uneven, file: "uneven.csv", chunkSize: 5).estimatedRowCount() == 4)
    }

    @Test func noLineEndAfterTheHeaderGivesNoEstimate() throws {
        #expect(try CSVReader(bytes: Array("a;b\n1;2".utf8), file: "f.csv").estimatedRowCount() == nil)
        #expect(try CSVReader(bytes: Array("a;b".utf8), file: "f.csv").estimatedRowCount() == nil)
    }
}
