@testable import RaschetIngest
import Testing

/// `KeyLines`, the duplicate-key table: a key hash keeps the line where it was first seen, through
/// collisions of the low bits and growth.
@Suite struct KeyLinesTests {
    @Test func anEmptyTableKnowsNoKey() {
        let table = KeyLines()
        #expect(table.line(of: 0) == nil)
        #expect(table.line(of: 42) == nil)
    }

    @Test func aKeySeenAgainKeepsItsFirstLine() {
        var table = KeyLines()
        table.insert(42, line: 7)
        table.insert(42, line: 9)
        #expect(table.line(of: 42) == 7)
        #expect(table.line(of: 43) == nil)
    }

    /// Line 0 and hash 0 are keys like any other (a slot's emptiness is not told by them).
    @Test func lineZeroAndHashZeroAreKept() {
        var table = KeyLines()
        table.insert(0, line: 0)
        #expect(table.line(of: 0) == 0)
        table.insert(-1, line: Int32.max)
        #expect(table.line(of: -1) == Int32.max)
    }

    /// 10,000 hashes with the same low 16 bits (all probing from one slot), and as many others, through
    /// every growth from 8 slots; then a table sized ahead gives the same lines.
    @Test func collidingHashesAndGrowthKeepEveryLine() {
        var grown = KeyLines()
        var sized = KeyLines()
        sized.reserveCapacity(20_000)
        for i in 0..<10_000 {
            grown.insert(i << 16, line: Int32(i))
            grown.insert(-i &- 1, line: Int32(i) &+ 100_000)
            sized.insert(i << 16, line: Int32(i))
            sized.insert(-i &- 1, line: Int32(i) &+ 100_000)
        }
        for i in 0..<10_000 {
            #expect(grown.line(of: i << 16) == Int32(i))
            #expect(grown.line(of: -i &- 1) == Int32(i) &+ 100_000)
            #expect(sized.line(of: i << 16) == Int32(i))
            #expect(sized.line(of: -i &- 1) == Int32(i) &+ 100_000)
        }
        #expect(grown.line(of: 10_000 << 16) == nil)
        #expect(sized.line(of: 1 << 15) == nil)
    }
}
