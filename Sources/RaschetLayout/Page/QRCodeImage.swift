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
        modules = matrix.size
        let stride = (matrix.size + 7) / 8
        let size = matrix.size
        var rows = [UInt8](repeating: 0, count: stride * size)
        // Through the buffers: a module at a time through `QRMatrix`'s subscript was 2 % of a receipt.
        rows.withUnsafeMutableBufferPointer { rows in
            matrix.modules.withUnsafeBufferPointer { modules in
                for row in 0..<size {
                    let line = row * size
                    for column in 0..<size where modules[line + column] {
                        rows[row * stride + column / 8] |= 0x80 >> UInt8(column % 8)
                    }
                }
            }
        }
        self.rows = rows
    }
}
