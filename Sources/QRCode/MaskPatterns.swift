import Synchronization

/// The 8 data mask patterns of a version (§7.8.2), as XOR masks over the whole symbol (0 on function
/// modules), computed once per version and shared: applying a mask is then one XOR pass.
enum MaskPatterns {
    private static let cache = Mutex<[Int: [[UInt8]]]>([:])

    /// The masks of `version`, index = mask reference 0...7.
    static func forVersion(_ version: Int) -> [[UInt8]] {
        if let cached = cache.withLock({ $0[version] }) { return cached }
        let layout = FunctionPatterns.all[version - 1]
        let size = layout.size
        var masks: [[UInt8]] = []
        for mask in 0..<8 {
            var pattern = [UInt8](repeating: 0, count: size * size)
            for y in 0..<size {
                for x in 0..<size where !layout.isFunction[y * size + x] && QREncoder.masked(mask, x, y) {
                    pattern[y * size + x] = 1
                }
            }
            masks.append(pattern)
        }
        cache.withLock { $0[version] = masks }
        return masks
    }
}
