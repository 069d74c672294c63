import Synchronization

/// A symbol as bit sets, for scoring masks without touching its modules one by one: one `UInt128` per
/// row (bit x = column x) and per column (bit y = row y). Symbols up to version 25 (117 modules) fit,
/// with room for the 4-module light margin the finder-like pattern test looks at.
struct QRBitRows: Sendable {
    var rows: [UInt128]
    var columns: [UInt128]

    /// The largest symbol side that fits.
    static let maximumSize = 117

    /// The bit sets of row-major modules (0 or 1).
    init(_ m: [UInt8], size: Int) {
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
        self.rows = rows
        self.columns = columns
    }

    /// The row-major modules, `true` = dark.
    func modules(size: Int) -> [Bool] {
        [Bool](unsafeUninitializedCapacity: size * size) { modules, count in
            // A `Bool` is the byte 0 or 1: eight modules are stored as one word of ``spread``.
            let bytes = UnsafeMutableRawBufferPointer(modules)
            Self.spread.withUnsafeBufferPointer { spread in
                for y in 0..<size {
                    var row = rows[y]
                    var x = 0
                    while x + 8 <= size {
                        bytes.storeBytes(of: spread[Int(row & 0xFF)], toByteOffset: y * size + x, as: UInt64.self)
                        row >>= 8
                        x += 8
                    }
                    while x < size {
                        modules[y * size + x] = row & 1 == 1
                        row >>= 1
                        x += 1
                    }
                }
            }
            count = size * size
        }
    }

    /// For each byte, its 8 bits as the bytes 0 or 1 of a word in memory order (bit 0 first).
    private static let spread: [UInt64] = (0..<256).map { byte in
        (0..<8).reduce(0) { word, bit in word | UInt64((byte >> bit) & 1) << (8 * bit) }.littleEndian
    }

    /// Overwrites these bit sets (of the same size) with `base` with `mask` applied: its pattern flipped
    /// in, then the mask's format information written over the format area (what
    /// ``QREncoder/drawFormat(_:size:mask:)`` does to the modules). Scoring the 8 masks reuses one value.
    mutating func setMasked(_ base: QRBitRows, _ mask: QRMaskBits.Mask, formatArea: QRBitRows) {
        Self.mask(&rows, base.rows, mask.pattern.rows, formatArea.rows, mask.format.rows)
        Self.mask(&columns, base.columns, mask.pattern.columns, formatArea.columns, mask.format.columns)
    }

    private static func mask(_ out: inout [UInt128], _ base: [UInt128], _ pattern: [UInt128], _ area: [UInt128], _ format: [UInt128]) {
        out.withUnsafeMutableBufferPointer { out in
            base.withUnsafeBufferPointer { base in
                pattern.withUnsafeBufferPointer { pattern in
                    area.withUnsafeBufferPointer { area in
                        format.withUnsafeBufferPointer { format in
                            for i in 0..<out.count { out[i] = (base[i] ^ pattern[i]) & ~area[i] | format[i] }
                        }
                    }
                }
            }
        }
    }
}

/// The 8 masks of a version as bit sets (``QRBitRows``): each pattern and the format information it
/// writes, and the format area; made once per version and shared.
struct QRMaskBits: Sendable {
    struct Mask: Sendable {
        let pattern: QRBitRows
        let format: QRBitRows
    }

    let masks: [Mask]
    let formatArea: QRBitRows

    private static let cache = Mutex<[Int: QRMaskBits]>([:])

    /// The masks of `version` (at most ``QRBitRows/maximumSize`` modules a side).
    static func forVersion(_ version: Int) -> QRMaskBits {
        if let cached = cache.withLock({ $0[version] }) { return cached }
        let size = FunctionPatterns.all[version - 1].size
        let patterns = MaskPatterns.forVersion(version)
        var masks: [Mask] = []
        var area = [UInt8](repeating: 0, count: size * size)
        for mask in 0..<8 {
            // Written over modules marked 2, the format area is what is no longer 2.
            var format = [UInt8](repeating: 2, count: size * size)
            QREncoder.drawFormat(&format, size: size, mask: mask)
            for i in format.indices where format[i] != 2 { area[i] = 1 }
            masks.append(Mask(pattern: QRBitRows(patterns[mask], size: size),
                              format: QRBitRows(format.map { $0 == 1 ? 1 : 0 }, size: size)))
        }
        let bits = QRMaskBits(masks: masks, formatArea: QRBitRows(area, size: size))
        cache.withLock { $0[version] = bits }
        return bits
    }
}

extension QREncoder {
    /// ``penalty(_:size:)`` computed on bit sets; the same score (tested).
    static func penalty(_ bits: QRBitRows, size: Int) -> Int {
        bits.rows.withUnsafeBufferPointer { rows in
            bits.columns.withUnsafeBufferPointer { columns in
                let line: UInt128 = (1 << size) - 1
                var score = 0
                for y in 0..<size { score += lineScore(rows[y], line: line) }
                for x in 0..<size { score += lineScore(columns[x], line: line) }
                // N2 on adjacent rows; N4 from the row populations.
                let pairs: UInt128 = (1 << (size - 1)) - 1
                var dark = 0
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
    }

    /// N1 and N3 of one row or column `d` (bit i = module i, 1 dark; `line` has a bit per module).
    @inline(__always)
    private static func lineScore(_ d: UInt128, line: UInt128) -> Int {
        let l = ~d  // light, and light beyond the end of the line
        let light = l & line
        // N1: a run of L >= 5 scores L - 2 = (L - 4 start positions of 5 in a row) + 2. A position starts
        // five dark or five light modules, not both: the two colours are counted in one word.
        let fiveDark = d & (d >> 1) & (d >> 2) & (d >> 3) & (d >> 4)
        let fiveLight = light & (light >> 1) & (light >> 2) & (light >> 3) & (light >> 4)
        let runStarts = fiveDark & ~(fiveDark << 1) | fiveLight & ~(fiveLight << 1)
        var score = (fiveDark | fiveLight).nonzeroBitCount + 2 * runStarts.nonzeroBitCount
        // N3: 1011101 with 4 light modules after it, or before it (outside the symbol is light).
        let core = d & (l >> 1) & (d >> 2) & (d >> 3) & (d >> 4) & (l >> 5) & (d >> 6)
        if core != 0 {
            let after = (l >> 7) & (l >> 8) & (l >> 9) & (l >> 10)
            let before = (l << 1 | 1) & (l << 2 | 3) & (l << 3 | 7) & (l << 4 | 15)
            score += 40 * ((core & after).nonzeroBitCount + (core & before).nonzeroBitCount)
        }
        return score
    }
}
