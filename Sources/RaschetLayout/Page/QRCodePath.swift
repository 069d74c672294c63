public import PDFWriter
public import QRCode

/// The path operators of a QR symbol in module units (`x y w h re` per rectangle of dark modules),
/// independent of where the symbol goes; `LayoutDocument.qrCode(_:x:y:size:quietZone:)`
/// places it with one `cm`. Building it is pure, so a batch can prepare paths on other cores.
public struct QRCodePath: Sendable, Hashable {
    /// Modules per side.
    public let modules: Int
    /// The `re` operators (no painting operator).
    public let operators: ContentStream

    /// Builds the path of `matrix`.
    /// - Complexity: O(modules²).
    public init(_ matrix: QRMatrix) {
        modules = matrix.size
        var path = ContentStream(capacity: 16_384)
        for box in matrix.darkRectangles {
            path.rectangle(x: box.column, y: box.row, width: box.width, height: box.height)
        }
        operators = path
    }

    public static func == (lhs: QRCodePath, rhs: QRCodePath) -> Bool { lhs.operators.bytes == rhs.operators.bytes }

    public func hash(into hasher: inout Hasher) { hasher.combine(operators.bytes) }
}
