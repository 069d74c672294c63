/// A growing array of plain values kept in pages, of which at most a set number stay in memory
/// once a spill is given (`spill(to:residentPages:)`): when a page must come in and there is no
/// room, a page not used since the clock hand last passed it goes out, written to the spill if it
/// changed since it was last written, and is read back the next time one of its values is needed.
/// Without a spill every page stays in memory.
///
/// The last page (where values are appended) always stays in memory. A page goes to the same place
/// of the spill each time, so the spill holds at most the array's bytes; an array that spills is
/// never copied (a copy would write over the other's pages: a precondition).
public struct PagedArray<Element: BitwiseCopyable & Sendable>: Sendable {
    private let pageShift: Int
    private var pageMask: Int { (1 << pageShift) - 1 }
    /// The pages; an empty one is out (written to the spill).
    private var pages: [[Element]] = []
    /// Whether each page changed since it was last written.
    private var changed: [Bool] = []
    /// Whether each page was used since the clock hand last passed it.
    private var used: [Bool] = []
    private var hand = 0
    private var resident = 0
    private var residentLimit = Int.max
    /// The spill, in a box of this array's own, to tell a copy (`isKnownUniquelyReferenced`).
    private var spill: SpillBox?
    /// The number of values.
    public private(set) var count = 0

    /// An empty array of pages of 2^`pageShift` values.
    public init(pageShift: Int = 8) {
        precondition((0...24).contains(pageShift))
        self.pageShift = pageShift
    }

    /// The number of values a page holds.
    public var pageSize: Int { 1 << pageShift }

    /// From now on keeps at most `residentPages` pages (at least 3) in memory, the others in `spill`.
    public mutating func spill(to spill: any PageSpill, residentPages: Int) {
        self.spill = SpillBox(spill)
        residentLimit = max(residentPages, 3)
    }

    /// The value at `index` (below `count`).
    /// - Throws: what the spill throws when its page must be read back (or another written out).
    public mutating func value(at index: Int) throws -> Element {
        let page = index >> pageShift
        try bringIn(page)
        used[page] = true
        return pages[page][index & pageMask]
    }

    /// Replaces the value at `index` (below `count`).
    public mutating func set(_ value: Element, at index: Int) throws {
        let page = index >> pageShift
        try bringIn(page)
        used[page] = true
        changed[page] = true
        pages[page][index & pageMask] = value
    }

    /// Adds `value` at the end.
    public mutating func append(_ value: Element) throws {
        if count & pageMask == 0 {
            try makeRoom(keeping: -1)
            var page: [Element] = []
            page.reserveCapacity(pageSize)
            pages.append(page)
            changed.append(true)
            used.append(true)
            resident += 1
        }
        let last = pages.count - 1
        changed[last] = true
        pages[last].append(value)
        count += 1
    }

    /// Reads `page` back from the spill if it is out.
    private mutating func bringIn(_ page: Int) throws {
        guard pages[page].isEmpty, let spill = spill?.spill else { return }
        try makeRoom(keeping: page)
        let size = min(pageSize, count - page << pageShift)
        let offset = self.offset(of: page)
        pages[page] = try [Element](unsafeUninitializedCapacity: size) { buffer, initialized in
            try spill.read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = size
        }
        changed[page] = false
        resident += 1
    }

    /// Sends pages out until one more fits, never `keeping` nor the last page.
    private mutating func makeRoom(keeping: Int) throws {
        guard spill != nil, resident >= residentLimit else { return }
        precondition(isKnownUniquelyReferenced(&spill), "an array that spills is not copied")
        let spill = spill!.spill
        while resident >= residentLimit {
            hand = hand + 1 < pages.count ? hand + 1 : 0
            guard !pages[hand].isEmpty, hand != keeping, hand != pages.count - 1 else { continue }
            if used[hand] {
                used[hand] = false
                continue
            }
            if changed[hand] {
                let offset = self.offset(of: hand)
                try pages[hand].withUnsafeBytes { try spill.write($0, at: offset) }
                changed[hand] = false
            }
            pages[hand] = []
            resident -= 1
        }
    }

    /// Where `page` goes in the spill.
    private func offset(of page: Int) -> Int64 {
        (Int64(page) << pageShift) * Int64(MemoryLayout<Element>.stride)
    }

    private final class SpillBox: Sendable {
        let spill: any PageSpill
        init(_ spill: any PageSpill) { self.spill = spill }
    }
}
