@testable import RaschetIngest
import RaschetTesting
import Testing

/// `KeyLines`, the duplicate-key table: a key hash keeps the line and file where it was first seen,
/// through collisions of the low bits and growth.
@Suite struct KeyLinesTests {
    @Test func anEmptyTableKnowsNoKey() throws {
        let table = KeyLines()
        #expect(try table.first(of: 0) == nil)
        #expect(try table.first(of: 42) == nil)
    }

    /// Line 0 and hash 0 are keys like any other (a slot's emptiness is not told by them).
    @Test func lineZeroAndHashZeroAreKept() throws {
        var table = KeyLines()
        try table.insert(0, line: 0, file: 3)
        #expect(try table.first(of: 0)?.line == 0 && table.first(of: 0)?.file == 3)
        try table.insert(-1, line: Int32.max, file: 255)
        #expect(try table.first(of: -1)?.line == Int32.max && table.first(of: -1)?.file == 255)
    }

    /// 10,000 hashes with the same low 16 bits (all probing from one slot), and as many others, through
    /// every growth from 8 slots; then a table sized ahead, and one with at most 100 entries in memory
    /// and the others in a temporary file, give the same lines and files.
    @Test func collidingHashesAndGrowthKeepEveryLineAndFile() throws {
        let folder = try TemporaryFolder("raschet-keys")
        defer { folder.remove() }
        var tables = [KeyLines(), KeyLines(), KeyLines(spill: TemporaryFileSpill(folder: folder.path), residentEntries: 100)]
        try tables[1].reserveCapacity(20_000)
        for i in 0..<10_000 {
            for index in tables.indices {
                try tables[index].insert(i << 16, line: Int32(i), file: UInt8(i % 7))
                try tables[index].insert(-i &- 1, line: Int32(i) &+ 100_000, file: UInt8(i % 5))
            }
        }
        for table in tables {
            #expect(table.count == 20_000)
            for i in 0..<10_000 {
                #expect(try table.first(of: i << 16)?.line == Int32(i) && table.first(of: i << 16)?.file == UInt8(i % 7))
                #expect(try table.first(of: -i &- 1)?.line == Int32(i) &+ 100_000 && table.first(of: -i &- 1)?.file == UInt8(i % 5))
            }
            #expect(try table.first(of: 10_000 << 16) == nil)
            #expect(try table.first(of: 1 << 15) == nil)
        }
    }

    /// Keys whose fingerprints equal (hashes equal in the bits the fingerprint is made of, apart in
    /// the slot's) are told apart by their exact hashes, from memory and from the temporary file.
    @Test func equalFingerprintsAreToldApartByTheExactHash() throws {
        let folder = try TemporaryFolder("raschet-keys")
        defer { folder.remove() }
        var table = KeyLines(spill: TemporaryFileSpill(folder: folder.path), residentEntries: 3)
        // Multiples of 2^32 times the inverse of the mixing constant: equal mixed bits 32-47 (zero).
        let inverse = UInt(0x9E37_79B9_7F4A_7C15).inverseModulo2To64
        let hashes = (1...8).map { Int(bitPattern: (UInt($0) << 48) &* inverse) }
        for (line, hash) in hashes.enumerated() where line % 2 == 0 { try table.insert(hash, line: Int32(line), file: 1) }
        for (line, hash) in hashes.enumerated() {
            #expect(try table.first(of: hash)?.line == (line % 2 == 0 ? Int32(line) : nil))
        }
    }
}

extension UInt {
    /// The inverse of an odd number modulo 2^64 (Newton's iteration).
    var inverseModulo2To64: UInt {
        var inverse = self
        for _ in 0..<6 { inverse = inverse &* (2 &- self &* inverse) }
        return inverse
    }
}
