public import QRCode

/// A QR symbol as an image mask of one bit per module (1 dark), rows padded to whole bytes, independent
/// of where the symbol goes: `LayoutDocument.qrCode(_:x:y:size:quietZone:)` draws it inline in the
/// page's content, scaled with one `cm`. About 450 bytes for a receipt's symbol where a path of its
/// rectangles took 20 KB of content to write and compress. Building it is pure, so a batch can
/// prepare images on other cores.
public struct QRCodeImage: Sendable, Hashable {
    /// Modules per side.
    public let modules: Int
    /// The rows, top first, 8 modules a byte, the leftmost in the high bit.
    public let rows: [UInt8]

    /// The image of `matrix`.
    /// - Complexity: O(modules²).
    public init(_ matrix: QRMatrix) {
        let size = matrix.size
        let stride = (size + 7) / 8
        let whole = size / 8
        modules = size
        // Eight modules a byte with one multiplication: a `Bool` is the byte 0 or 1, so the 8 bytes of
        // eight modules read as one little-endian word, times 0x8040201008040201, hold module i at bit
        // 63 - i (each partial product lands on its own bit, no carries); its top byte is the row's
        // byte. A module at a time, testing each, was 2 % of a receipt.
        rows = [UInt8](unsafeUninitializedCapacity: stride * size) { rows, count in
            matrix.modules.withUnsafeBytes { modules in
                for row in 0..<size {
                    let line = row * size
                    for index in 0..<whole {
                        let eight = UInt64(littleEndian: modules.loadUnaligned(fromByteOffset: line + index * 8, as: UInt64.self))
                        rows[row * stride + index] = UInt8(truncatingIfNeeded: (eight &* 0x8040_2010_0804_0201) >> 56)
                    }
                    if whole < stride {
                        var byte: UInt8 = 0
                        for column in (whole * 8)..<size { byte |= modules[line + column] << (7 - (column - whole * 8)) }
                        rows[row * stride + whole] = byte
                    }
                }
            }
            count = stride * size
        }
    }
}
