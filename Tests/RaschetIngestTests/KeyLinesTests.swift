@testable import RaschetIngest
import Testing

/// `KeyLines`, the duplicate-key table: a key hash keeps the line and file where it was first seen,
/// through collisions of the low bits and growth.
@Suite struct KeyLinesTests {
    @Test func anEmptyTableKnowsNoKey() {
        let table = KeyLines()
        #expect(table.first(of: 0) == nil)
        #expect(table.first(of: 42) == nil)
    }

    @Test func aKeySeenAgainKeepsItsFirstLineAndFile() {
        var table = KeyLines()
        table.insert(42, line: 7, file: 0)
        table.insert(42, line: 9, file: 1)
        #expect(table.first(of: 42)?.line == 7 && table.first(of: 42)?.file == 0)
        #expect(table.first(of: 43) == nil)
    }

    /// Line 0 and hash 0 are keys like any other (a slot's emptiness is not told by them).
    @Test func lineZeroAndHashZeroAreKept() {
        var table = KeyLines()
        table.insert(0, line: 0, file: 3)
        #expect(table.first(of: 0)?.line == 0 && table.first(of: 0)?.file == 3)
        table.insert(-1, line: Int32.max, file: 255)
        #expect(table.first(of: -1)?.line == Int32.max && table.first(of: -1)?.file == 255)
    }

    /// 10,000 hashes with the same low 16 bits (all probing from one slot), and as many others, through
    /// every growth from 8 slots; then a table sized ahead gives the same lines and files.
    @Test func collidingHashesAndGrowthKeepEveryLineAndFile() {
        var grown = KeyLines()
        var sized = KeyLines()
        sized.reserveCapacity(20_000)
        for i in 0..<10_000 {
            for table in [0, 1] {
                func insert(_ t: inout KeyLines) {
                    t.insert(i << 16, line: Int32(i), file: UInt8(i % 7))
                    t.insert(-i &- 1, line: Int32(i) &+ 100_000, file: UInt8(i % 5))
                }
                if table == 0 { insert(&grown) } else { insert(&sized) }
            }
        }
        for i in 0..<10_000 {
            for table in [grown, sized] {
                #expect(table.first(of: i << 16)?.line == Int32(i) && table.first(of: i << 16)?.file == UInt8(i % 7))
                #expect(table.first(of: -i &- 1)?.line == Int32(i) &+ 100_000 && table.first(of: -i &- 1)?.file == UInt8(i % 5))
            }
        }
        #expect(grown.first(of: 10_000 << 16) == nil)
        #expect(sized.first(of: 1 << 15) == nil)
    }
}
