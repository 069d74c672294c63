internal import CDeflate
internal import CZlib
import Synchronization

/// zlib/deflate compression for `/FlateDecode` streams (§7.4.4): streams are compressed whole by
/// libdeflate (several times zlib's speed at the same level), and read back by zlib.
public enum Flate {
    /// A libdeflate compressor for one level; one thread at a time uses it (``compress(_:level:)``).
    private final class Compressor: @unchecked Sendable {
        let level: Int32
        let handle: OpaquePointer

        init(level: Int32) {
            self.level = level
            guard let handle = libdeflate_alloc_compressor(level) else { fatalError("libdeflate cannot allocate a compressor") }
            self.handle = handle
        }

        deinit { libdeflate_free_compressor(handle) }
    }

    /// Compressors not in use, kept for the next stream: making one costs more than compressing a
    /// small stream.
    private static let idle = Mutex<[Compressor]>([])

    /// Compresses `data` into a zlib stream at `level` (0...9).
    /// - Complexity: O(n).
    public static func compress(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        precondition((0...9).contains(level), "compression level \(level) is outside 0...9")
        let compressor = idle.withLock { idle in
            idle.firstIndex { $0.level == level }.map { idle.remove(at: $0) }
        } ?? Compressor(level: level)
        defer { idle.withLock { $0.append(compressor) } }
        let bound = libdeflate_zlib_compress_bound(compressor.handle, data.count)
        // Uninitialised capacity: zero-filling the worst-case buffer would cost more than compressing.
        return [UInt8](unsafeUninitializedCapacity: bound) { out, initialized in
            initialized = data.withUnsafeBytes { input in
                libdeflate_zlib_compress(compressor.handle, input.baseAddress, input.count, out.baseAddress, bound)
            }
            precondition(initialized > 0, "libdeflate could not compress within its own bound")
        }
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
