extension QREncoder {
    /// ``penalty(_:size:)`` computed on bit sets (one `UInt128` per row and per column) for symbols up
    /// to version 25 (117 modules, so patterns with their 4-module light margin stay inside 128 bits);
    /// larger symbols use the module-by-module version. Both give the same score (tested).
    static func fastPenalty(_ m: [UInt8], size: Int) -> Int {
        guard size <= 117, #available(macOS 15, iOS 18, *) else { return penalty(m, size: size) }
        var rows = [UInt128](repeating: 0, count: size)
        var columns = [UInt128](repeating: 0, count: size)
        // Branch-free: module values are 0 or 1, so they are shifted in rather than tested.
        m.withUnsafeBufferPointer { p in
            columns.withUnsafeMutableBufferPointer { c in
                for y in 0..<size {
                    var row: UInt128 = 0
                    let base = y * size
                    for x in 0..<size {
                        let bit = UInt128(p[base + x])
                        row |= bit << x
                        c[x] |= bit << y
                    }
                    rows[y] = row
                }
            }
        }
        let line: UInt128 = (1 << size) - 1
        var score = 0
        var dark = 0
        for lines in [rows, columns] {
            for d in lines {
                let l = ~d  // light, and light beyond the end of the line
                // N1: a run of L >= 5 scores L - 2 = (L - 4 start positions of 5 in a row) + 2.
                for v in [d, l & line] {
                    let five = v & (v >> 1) & (v >> 2) & (v >> 3) & (v >> 4)
                    let runStarts = five & ~(five << 1)
                    score += five.nonzeroBitCount + 2 * runStarts.nonzeroBitCount
                }
                // N3: 1011101 with 4 light modules after it, or before it (outside the symbol is light).
                let core = d & (l >> 1) & (d >> 2) & (d >> 3) & (d >> 4) & (l >> 5) & (d >> 6)
                let after = (l >> 7) & (l >> 8) & (l >> 9) & (l >> 10)
                let before = (l << 1 | 1) & (l << 2 | 3) & (l << 3 | 7) & (l << 4 | 15)
                score += 40 * ((core & after).nonzeroBitCount + (core & before).nonzeroBitCount)
            }
        }
        // N2 on adjacent rows; N4 from the row populations.
        let pairs: UInt128 = (1 << (size - 1)) - 1
        for y in 0..<size {
            let a = rows[y]
            dark += a.nonzeroBitCount
            guard y + 1 < size else { continue }
            let same = ~(a ^ rows[y + 1])
            let equalNext = ~(a ^ (a >> 1))
            score += 3 * (same & (same >> 1) & equalNext & pairs).nonzeroBitCount
        }
        let total = size * size
        return score + 10 * (abs(dark * 20 - total * 10) / total)
    }
}
