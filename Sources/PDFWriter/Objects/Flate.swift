internal import CZlib

/// zlib/deflate compression for `/FlateDecode` streams (§7.4.4).
public enum Flate {
    /// Compresses `data` into a zlib stream at `level` (0...9).
    ///
    /// Uses `compress2`, which owns its `z_stream` for the duration of the call, so no handle escapes.
    /// - Complexity: O(n).
    public static func compress(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        let bound = Int(compressBound(uLong(data.count)))
        var status: Int32 = Z_OK
        // Uninitialised capacity: zero-filling the worst-case buffer cost more than compressing at level 1.
        let output = [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
            var length = uLong(bound)
            status = data.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &length, input.baseAddress, uLong(input.count), level)
            }
            initialized = status == Z_OK ? Int(length) : 0
        }
        precondition(status == Z_OK, "compress2 failed with \(status)")
        return output
    }

    /// Decompresses a zlib stream; used by tests to read back compressed output.
    public static func decompress(_ data: [UInt8]) -> [UInt8]? {
        var size = max(data.count * 4, 1024)
        while size < 1 << 30 {
            var length = uLong(size)
            var output = [UInt8](repeating: 0, count: size)
            let status = output.withUnsafeMutableBufferPointer { out in
                data.withUnsafeBufferPointer { input in
                    uncompress(out.baseAddress, &length, input.baseAddress, uLong(input.count))
                }
            }
            if status == Z_OK {
                output.removeSubrange(Int(length)...)
                return output
            }
            if status != Z_BUF_ERROR { return nil }
            size *= 4
        }
        return nil
    }
}
