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

        /// Nil when libdeflate cannot allocate one (out of memory).
        init?(level: Int32) {
            guard let handle = libdeflate_alloc_compressor(level) else { return nil }
            self.level = level
            self.handle = handle
        }

        deinit { libdeflate_free_compressor(handle) }
    }

    /// Compressors not in use, kept for the next stream: making one costs more than compressing a
    /// small stream.
    private static let idle = Mutex<[Compressor]>([])

    /// Compresses `data` into a zlib stream at `level` (0...9); stored uncompressed (``stored(_:)``)
    /// when no compressor can be allocated.
    /// - Complexity: O(n).
    public static func compress(_ data: [UInt8], level: Int32 = 6) -> [UInt8] {
        precondition((0...9).contains(level), "compression level \(level) is outside 0...9")
        let idleOne = idle.withLock { idle in idle.firstIndex { $0.level == level }.map { idle.remove(at: $0) } }
        guard let compressor = idleOne ?? Compressor(level: level) else { return stored(data) }
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

    /// `data` as a zlib stream of stored (uncompressed) deflate blocks (RFC 1950, RFC 1951 §3.2.4): valid
    /// `/FlateDecode` data that needs no compressor's memory.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        let blockSize = 0xFFFF
        var out: [UInt8] = [0x78, 0x01]
        out.reserveCapacity(data.count + 6 + 5 * (data.count / blockSize + 1))
        var start = 0
        repeat {
            let end = min(start + blockSize, data.count)
            let length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)  // BFINAL on the last block, BTYPE 00
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        let checksum = data.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        out += [UInt8(checksum >> 24), UInt8(checksum >> 16 & 0xFF), UInt8(checksum >> 8 & 0xFF), UInt8(checksum & 0xFF)]
        return out
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
