/// The function patterns of a QR symbol (ISO/IEC 18004 §6.3): finders with separators, timing
/// patterns, alignment patterns, the dark module, and the areas reserved for format and version
/// information. Everything else holds data.
struct FunctionPatterns {
    let version: Int
    let size: Int
    /// Row-major: 1 = dark.
    var modules: [UInt8]
    /// Row-major: true where a function pattern or reserved area is.
    var isFunction: [Bool]
    /// The row-major indices of the data modules in the order codeword bits are placed (§7.7.3): two
    /// columns at a time from the right, upwards then downwards, skipping the vertical timing pattern.
    private(set) var dataOrder: [UInt16] = []

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = [UInt8](repeating: 0, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx, y = cy + dy
                    guard x >= 0, x < size, y >= 0, y < size else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(x, y, distance != 2 && distance != 4)
                }
            }
        }
        let positions = Self.alignmentPositions(version: version)
        for (i, ay) in positions.enumerated() {
            for (j, ax) in positions.enumerated() {
                let last = positions.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 { set(ax + dx, ay + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        // Format information areas (filled per mask) and the dark module.
        for i in 0...8 {
            reserve(8, i)
            reserve(i, 8)
        }
        for i in 0..<8 {
            reserve(size - 1 - i, 8)
            reserve(8, size - 1 - i)
        }
        set(8, size - 8, true)
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
        dataOrder.reserveCapacity(size * size)
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = ((right + 1) & 2) == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !isFunction[y * size + x] { dataOrder.append(UInt16(y * size + x)) }
            }
            right -= 2
        }
    }

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y * size + x] = dark ? 1 : 0
        isFunction[y * size + x] = true
    }

    private mutating func reserve(_ x: Int, _ y: Int) { isFunction[y * size + x] = true }

    /// Row/column centres of alignment patterns (§6.3.6, Annex E): 6, then evenly spaced to size - 7.
    static func alignmentPositions(version: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let size = version * 4 + 17
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var positions = [6]
        for i in 0..<(count - 1) { positions.insert(size - 7 - i * step, at: 1) }
        return positions
    }

    /// The patterns of every version, built once on first use (about 1.1 MB).
    static let all: [FunctionPatterns] = (1...40).map { FunctionPatterns(version: $0) }

    /// Modules available for data and error correction codewords (remainder bits included), per version.
    static let rawDataModuleCounts: [Int] = all.map(\.dataOrder.count)

    /// Modules available for data and error correction codewords (remainder bits included).
    static func rawDataModules(version: Int) -> Int { rawDataModuleCounts[version - 1] }
}
