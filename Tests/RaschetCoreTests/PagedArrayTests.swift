import RaschetCore
import RaschetTesting
import Synchronization
import Testing

/// The paged array keeps its values whichever pages are in memory: with a spill, it matches a
/// plain array through any appends, changes and reads, while the spill is written and read back.
@Suite struct PagedArrayTests {
    struct Refused: Error {}

    /// A spill in memory that counts its writes and reads, and refuses writes once told to.
    final class MemorySpill: PageSpill {
        struct State {
            var bytes: [UInt8] = []
            var writes = 0
            var reads = 0
            var refuseWrites = false
        }
        let state = Mutex(State())

        func write(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws {
            try state.withLock { state in
                if state.refuseWrites { throw Refused() }
                state.writes += 1
                let end = Int(offset) + bytes.count
                if state.bytes.count < end { state.bytes += [UInt8](repeating: 0, count: end - state.bytes.count) }
                state.bytes.replaceSubrange(Int(offset)..<end, with: bytes)
            }
        }

        func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws {
            state.withLock { state in
                state.reads += 1
                state.bytes.withUnsafeBytes { stored in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: stored[Int(offset)..<Int(offset) + buffer.count]))
                }
            }
        }
    }

    @Test func withoutASpillItIsAnArray() throws {
        var paged = PagedArray<Int64>(pageShift: 1)
        for value in 0..<9 { try paged.append(Int64(value) * 10) }
        try paged.set(-1, at: 4)
        #expect(paged.count == 9)
        #expect(try (0..<9).map { try paged.value(at: $0) } == [0, 10, 20, 30, -1, 50, 60, 70, 80])
    }

    @Test func randomAppendsChangesAndReadsMatchAPlainArray() throws {
        let spill = MemorySpill()
        var paged = PagedArray<Int64>(pageShift: 2)
        paged.spill(to: spill, residentPages: 3)
        var plain: [Int64] = []
        var random = SplitMix64(seed: 13)
        for step in 0..<20_000 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<3:
                let value = Int64.random(in: .min ... .max, using: &random)
                try paged.append(value)
                plain.append(value)
            case 3..<5 where !plain.isEmpty:
                let index = Int.random(in: plain.indices, using: &random)
                try paged.set(Int64(step), at: index)
                plain[index] = Int64(step)
            default:
                guard !plain.isEmpty else { continue }
                let index = Int.random(in: plain.indices, using: &random)
                #expect(try paged.value(at: index) == plain[index], "value \(index) at step \(step)")
            }
        }
        #expect(paged.count == plain.count)
        for index in plain.indices { #expect(try paged.value(at: index) == plain[index]) }
        // 4 values a page, 3 pages in memory: most pages went out and came back, each to its own place.
        let counts = spill.state.withLock { ($0.writes, $0.reads, $0.bytes.count) }
        #expect(counts.0 > 1_000 && counts.1 > 1_000, "writes \(counts.0), reads \(counts.1)")
        #expect(counts.2 <= plain.count * 8, "the spill holds \(counts.2) bytes")
    }

    @Test func aPageUnchangedSinceItWasWrittenIsNotWrittenAgain() throws {
        let spill = MemorySpill()
        var paged = PagedArray<Int64>(pageShift: 1)
        paged.spill(to: spill, residentPages: 3)
        for value in 0..<40 { try paged.append(Int64(value)) }
        #expect(spill.state.withLock { $0.writes } == 17, "the 20 pages but the 3 in memory")
        // A pass over every value sends the two of those that are not the last out too; passes after
        // it bring pages back and send them out again without writing any.
        for index in 0..<40 { #expect(try paged.value(at: index) == Int64(index)) }
        #expect(spill.state.withLock { $0.writes } == 19, "every page but the last, once")
        for _ in 0..<3 { for index in 0..<40 { #expect(try paged.value(at: index) == Int64(index)) } }
        #expect(spill.state.withLock { ($0.writes, $0.reads > 19) } == (19, true))
    }

    @Test func aSpillThatFailsFailsTheCallThatNeededRoom() throws {
        let spill = MemorySpill()
        var paged = PagedArray<Int64>(pageShift: 1)
        paged.spill(to: spill, residentPages: 3)
        for value in 0..<6 { try paged.append(Int64(value)) }
        spill.state.withLock { $0.refuseWrites = true }
        #expect(throws: Refused.self) { try paged.append(6) }
    }
}
