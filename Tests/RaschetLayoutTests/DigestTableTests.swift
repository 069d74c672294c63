import Testing
@testable import RaschetLayout

@Suite("The text cache's digest table")
struct DigestTableTests {
    /// A key whose digest the test chooses, so that collisions are made on purpose.
    struct Key: DigestKey {
        let name: String
        let digest: Int
    }

    @Test("keys of one digest, or of one slot, are told apart by comparing the keys")
    func collisions() {
        // capacity 20: 64 slots (the power of two at least twice the capacity), so digests 5, 69 and
        // -59 (…11000101) start their probes in slot 5, and `b`, `c` share a digest with `a`.
        var table = DigestTable<Key, Int>(capacity: 20)
        let keys = [Key(name: "a", digest: 5), Key(name: "b", digest: 5), Key(name: "c", digest: 5),
                    Key(name: "d", digest: 69), Key(name: "e", digest: -59), Key(name: "f", digest: 6)]
        for (value, key) in keys.enumerated() { table.insert(value, for: key) }
        #expect(keys.map { table.value(for: $0) } == [0, 1, 2, 3, 4, 5])
        #expect(table.value(for: Key(name: "z", digest: 5)) == nil)
        #expect(table.value(for: Key(name: "a", digest: 7)) == nil)
        #expect(table.count == 6 && !table.isFull)
    }

    @Test("a table takes its capacity of entries, every one found, and then says it is full")
    func fullTable() {
        var table = DigestTable<Key, String>(capacity: 1000)
        for index in 0..<1000 {
            #expect(!table.isFull)
            table.insert("v\(index)", for: Key(name: "k\(index)", digest: index &* 7919 % 97))
        }
        #expect(table.isFull && table.count == 1000)
        #expect((0..<1000).allSatisfy { table.value(for: Key(name: "k\($0)", digest: $0 &* 7919 % 97)) == "v\($0)" })
        #expect(table.value(for: Key(name: "k1000", digest: 1000 &* 7919 % 97)) == nil)
    }
}
