/// The project's own QR code encoder for byte mode at error correction level M (ISO/IEC 18004:2015):
/// data encoding (§7.4), Reed–Solomon error correction (§7.5), block interleaving (§7.6), module
/// placement (§7.7), masking with penalty scoring (§7.8) and format/version information (§7.9, §7.10).
///
/// Why not only libqrencode: its mask selection scores the 8 masks slowly and was 40 % of the CPU time
/// of a receipt page. Here the 8 candidates are scored on bit sets, one word per row and column. The output is
/// checked against libqrencode module for module (same mask) and decoded with zbarimg in the tests.
enum QREncoder {
    /// Error correction codewords per block at level M, versions 1...40 (ISO/IEC 18004 Table 9).
    static let eccPerBlockM: [Int] = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    /// Error correction blocks at level M, versions 1...40 (ISO/IEC 18004 Table 9).
    static let blocksM: [Int] = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]

    /// Encodes `data` in byte mode at level M; `mask` forces a mask pattern (tests), otherwise the one
    /// with the lowest penalty is chosen (§7.8.3; the first of equals).
    static func encode(_ data: [UInt8], mask fixedMask: Int? = nil) -> QRMatrix? {
        guard let version = (1...40).first(where: { capacity(version: $0) >= data.count }) else { return nil }
        let codewords = interleaved(data: encodeData(data, version: version), version: version)
        if version <= QRBitPlacement.all.count { return encodeOnBits(codewords, version: version, mask: fixedMask) }
        return encodeOnModules(codewords, version: version, mask: fixedMask)
    }

    /// The symbol of `codewords` built and scored on bit sets (``QRBitRows``), up to version 25: the
    /// codewords placed once, each mask applied into one reused value.
    private static func encodeOnBits(_ codewords: [UInt8], version: Int, mask fixedMask: Int?) -> QRMatrix {
        let placement = QRBitPlacement.all[version - 1]
        let size = placement.size
        let base = placement.placed(codewords)
        let masks = QRMaskBits.forVersion(version)
        var candidate = base
        var chosen = 0
        if let fixedMask {
            chosen = fixedMask
        } else {
            var bestPenalty = Int.max
            for (mask, bits) in masks.masks.enumerated() {
                candidate.setMasked(base, bits, formatArea: masks.formatArea)
                let score = penalty(candidate, size: size)
                if score < bestPenalty { (chosen, bestPenalty) = (mask, score) }
            }
        }
        candidate.setMasked(base, masks.masks[chosen], formatArea: masks.formatArea)
        return QRMatrix(size: size, version: version, modules: candidate.modules(size: size))
    }

    /// The symbol of `codewords` built and scored module by module, above version 25.
    private static func encodeOnModules(_ codewords: [UInt8], version: Int, mask fixedMask: Int?) -> QRMatrix {
        let layout = FunctionPatterns.all[version - 1]
        let size = layout.size
        // Place the codewords once (the remainder bits after them stay light); masks are applied to copies.
        var base = layout.modules
        base.withUnsafeMutableBufferPointer { base in
            layout.dataOrder.withUnsafeBufferPointer { order in
                for bit in 0..<min(codewords.count * 8, order.count)
                where (codewords[bit >> 3] >> (7 - UInt8(bit & 7))) & 1 == 1 {
                    base[Int(order[bit])] = 1
                }
            }
        }
        let patterns = MaskPatterns.forVersion(version)
        func masked(_ mask: Int) -> [UInt8] {
            var modules = zip(base, patterns[mask]).map { $0 ^ $1 }
            drawFormat(&modules, size: size, mask: mask)
            return modules
        }
        var chosen = 0
        if let fixedMask {
            chosen = fixedMask
        } else {
            var bestPenalty = Int.max
            for mask in 0..<8 {
                let score = penalty(masked(mask), size: size)
                if score < bestPenalty { (chosen, bestPenalty) = (mask, score) }
            }
        }
        return QRMatrix(size: size, version: version, modules: masked(chosen).map { $0 == 1 })
    }

    /// The Reed–Solomon tables of level M's blocks, versions 1...40, one per block size.
    static let eccTablesM: [ReedSolomon.Table] = {
        var byDegree: [Int: ReedSolomon.Table] = [:]
        return eccPerBlockM.map { degree in
            if let table = byDegree[degree] { return table }
            let table = ReedSolomon.Table(degree: degree)
            byDegree[degree] = table
            return table
        }
    }()

    /// Bytes that fit in `version` at level M in byte mode.
    static func capacity(version: Int) -> Int {
        let dataBits = dataCodewords(version: version) * 8 - 4 - (version < 10 ? 8 : 16)
        return dataBits / 8
    }

    static func dataCodewords(version: Int) -> Int {
        FunctionPatterns.rawDataModules(version: version) / 8 - eccPerBlockM[version - 1] * blocksM[version - 1]
    }

    /// Mode indicator, character count, data, terminator, bit padding and pad codewords (§7.4).
    static func encodeData(_ data: [UInt8], version: Int) -> [UInt8] {
        // The 4-bit mode 0100, then the count (8 bits, 16 from version 10) and the data as whole bytes,
        // then the 4-bit terminator: each codeword is the low half of one byte and the high half of
        // the next. (The capacity is whole bytes and the data ends 4 bits short of one, so the
        // terminator always fits.)
        let capacity = dataCodewords(version: version)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        var previous: UInt8 = 0b0100
        func append(_ byte: UInt8) {
            bytes.append(previous << 4 | byte >> 4)
            previous = byte & 0x0F
        }
        if version >= 10 { append(UInt8(data.count >> 8)) }
        append(UInt8(data.count & 0xFF))
        for byte in data { append(byte) }
        bytes.append(previous << 4)
        var pad: UInt8 = 0xEC
        while bytes.count < capacity {
            bytes.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return bytes
    }

    /// Splits data into blocks, appends each block's Reed–Solomon codewords and interleaves (§7.6).
    static func interleaved(data: [UInt8], version: Int) -> [UInt8] {
        let blockCount = blocksM[version - 1]
        let ecc = eccPerBlockM[version - 1]
        let total = FunctionPatterns.rawDataModules(version: version) / 8
        let shortBlocks = blockCount - total % blockCount
        let shortData = total / blockCount - ecc
        let table = eccTablesM[version - 1]
        var blocks: [ArraySlice<UInt8>] = []
        var eccBlocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortData + (index < shortBlocks ? 0 : 1)
            let block = data[offset..<(offset + length)]
            offset += length
            blocks.append(block)
            eccBlocks.append(table.remainder(block))
        }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...shortData {
            for block in blocks where i < block.count { result.append(block[block.startIndex + i]) }
        }
        for i in 0..<ecc {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }

    /// The 8 mask conditions of §7.8.2 (`x` column, `y` row).
    @inline(__always)
    static func masked(_ mask: Int, _ x: Int, _ y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// Writes both copies of the 15-bit format information (level M = 00, then the mask) (§7.9).
    static func drawFormat(_ m: inout [UInt8], size: Int, mask: Int) {
        let data = mask  // level M's indicator is 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = ((data << 10) | remainder) ^ 0x5412
        func set(_ x: Int, _ y: Int, _ i: Int) { m[y * size + x] = UInt8((bits >> i) & 1) }
        for i in 0...5 { set(8, i, i) }
        set(8, 7, 6)
        set(8, 8, 7)
        set(7, 8, 8)
        for i in 9..<15 { set(14 - i, 8, i) }
        for i in 0..<8 { set(size - 1 - i, 8, i) }
        for i in 8..<15 { set(8, size - 15 + i, i) }
        m[(size - 8) * size + 8] = 1  // the dark module
    }

    /// The penalty score of §7.8.3: runs of 5+ (N1), 2x2 blocks (N2), finder-like patterns (N3) and
    /// dark/light balance (N4).
    /// - Complexity: O(size²).
    static func penalty(_ m: [UInt8], size: Int) -> Int {
        var score = 0
        m.withUnsafeBufferPointer { p in
            // N1 and N3 along rows (stride 1) and columns (stride size).
            for direction in 0..<2 {
                let lineStride = direction == 0 ? size : 1
                let step = direction == 0 ? 1 : size
                for line in 0..<size {
                    let start = line * lineStride
                    var runColor: UInt8 = 2
                    var runLength = 0
                    // Bit history of the last 11 modules for N3 (light outside the symbol).
                    var history = 0
                    for k in 0..<(size + 4) {
                        let value: UInt8 = k < size ? p[start + k * step] : 0
                        if k < size {
                            if value == runColor {
                                runLength += 1
                            } else {
                                if runLength >= 5 { score += runLength - 2 }
                                runColor = value
                                runLength = 1
                            }
                        }
                        history = ((history << 1) | Int(value)) & 0x7FF
                        // 0000 1011101 or 1011101 0000, with modules before the symbol counted as light.
                        if k >= 6 && (history == 0b000_0101_1101 || (k >= 10 && history == 0b101_1101_0000)) {
                            score += 40
                        }
                    }
                    if runLength >= 5 { score += runLength - 2 }
                }
            }
            // N2: 2x2 blocks of one colour.
            var dark = 0
            for y in 0..<size {
                let row = y * size
                for x in 0..<size {
                    let v = p[row + x]
                    dark += Int(v)
                    if x + 1 < size && y + 1 < size && v == p[row + x + 1] && v == p[row + size + x] && v == p[row + size + x + 1] {
                        score += 3
                    }
                }
            }
            // N4: 10 points per full 5 % deviation of the dark proportion from 50 %.
            let total = size * size
            score += 10 * (abs(dark * 20 - total * 10) / total)
        }
        return score
    }
}
