import Foundation
@testable import RaschetIngest
import RaschetCore
import RaschetTesting
import Testing

/// The readings an import has accepted wait in a temporary file once they exceed their room in
/// memory (`Importer.readingsInMemory`), and the checks of the readings after them come out the same.
@Suite struct ReadingsSpillTests {
    static let meters = 3_000

    /// Eight months of readings of `meters` meters, month by month (each meter's previous reading
    /// 3,000 lines back), then a duplicate of M7's March reading and a February reading of M2999
    /// lower than its January one. Line `2 + (month - 1) * 3000 + meter` is `meter`'s reading of
    /// `month`, 1000 + 10 × month.
    static func readingsFile(in folder: TemporaryFolder) throws -> String {
        var text = "meter_id;date;value;zone;source;rollover\n"
        for month in 1...8 {
            for meter in 0..<meters { text += "M\(meter);2026-0\(month)-15;\(1000 + 10 * month);single;cabinet;0\n" }
        }
        text += "M7;2026-03-15;1030;single;cabinet;0\n"
        text += "M2999;2026-02-15;1000;single;cabinet;0\n"
        return try folder.write("readings.csv", text)
    }

    static func known() -> KnownKeys {
        var known = KnownKeys()
        for meter in 0..<meters { known.meters.addMeter("M\(meter)", zones: 1) }
        return known
    }

    @Test func readingsInATemporaryFileAreCheckedAsInMemory() throws {
        let folder = try TemporaryFolder("raschet-spill")
        defer { folder.remove() }
        let path = try Self.readingsFile(in: folder)
        // 24,000 readings of 24 bytes, at most three pages of 256 of them in memory.
        let (spilled, spilledReport) = try Importer(readingsInMemory: 1).read([.init(path: path, kind: .readings)], known: Self.known())
        let (whole, wholeReport) = try Importer().read([.init(path: path, kind: .readings)], known: Self.known())
        let expected = [
            path + ":24002: meter_id+date+zone: duplicate key M7 / 2026-03-15 / single (first on line 6009); keep one of the rows",
            path + ":24003: value: meter M2999, zone single: 1000 on 2026-02-15 is lower than the previous reading 1010 on "
                + "2026-01-15 (\(path) line 3001); correct the value, or set rollover to 1 if the register wrapped past zero",
        ]
        #expect(spilledReport.problems.map(\.description) == expected)
        #expect(wholeReport.problems.map(\.description) == expected)
        #expect(spilled.readings.count == 24_000)
        #expect(spilled == whole)
    }

    @Test func theTemporaryFileIsGoneFromItsFolderAndReadsBackWhatWasWritten() throws {
        let folder = try TemporaryFolder("raschet-spill")
        defer { folder.remove() }
        let spill = TemporaryFileSpill(folder: folder.path)
        try [UInt8](repeating: 7, count: 5).withUnsafeBytes { try spill.write($0, at: 0) }
        try Array("страница".utf8).withUnsafeBytes { try spill.write($0, at: 5) }
        try Array("стр".utf8).withUnsafeBytes { try spill.write($0, at: 11) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        var back = [UInt8](repeating: 0, count: "страница".utf8.count + 1)
        try back.withUnsafeMutableBytes { try spill.read(into: $0, at: 4) }
        #expect(back == [7] + Array("стрстрца".utf8))
    }

    @Test func aFolderWhereTheFileCannotBeMadeIsAnIOErrorNamingIt() throws {
        let spill = TemporaryFileSpill(folder: "/nonexistent-raschet-folder")
        #expect {
            try [UInt8(1)].withUnsafeBytes { try spill.write($0, at: 0) }
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.code == .ioError && error.exitStatus == .ioError && error.description
                == "/nonexistent-raschet-folder: cannot write or read back the import's temporary file here (No such file or "
                + "directory); free space in this folder or set TMPDIR to a folder with room: about 24 bytes for each reading "
                + "and 16 for each other row imported, and the size of the XML files imported"
        }
    }
}
