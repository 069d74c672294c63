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
        // A byte of eight modules at a time, through the buffers and without a branch per module: a module
        // at a time through `QRMatrix`'s subscript, testing each, was 2 % of a receipt.
        rows.withUnsafeMutableBufferPointer { rows in
            matrix.modules.withUnsafeBufferPointer { modules in
                for row in 0..<size {
                    let line = row * size
                    for index in 0..<stride {
                        var byte: UInt8 = 0
                        for column in (index * 8)..<(index * 8 + 8) {
                            byte = byte << 1 | (column < size && modules[line + column] ? 1 : 0)
                        }
                        rows[row * stride + index] = byte
                    }
                }
            }
        }
        self.rows = rows
    }
}
