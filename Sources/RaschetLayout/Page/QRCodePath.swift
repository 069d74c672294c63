public import PDFWriter
public import QRCode

/// The path of a QR symbol in module units (one rectangle per block of dark modules), independent of
/// where the symbol goes; `LayoutDocument.qrCode(_:x:y:size:quietZone:)` places it with one `cm`.
/// Building it is pure, so a batch can prepare paths on other cores.
public struct QRCodePath: Sendable, Hashable {
    /// Modules per side.
    public let modules: Int
    /// The rectangles, unpainted.
    public let path: PDFPath

    /// Builds the path of `matrix`.
    /// - Complexity: O(modules²).
    public init(_ matrix: QRMatrix) {
        modules = matrix.size
        var path = PDFPath(capacity: 16_384)
        for box in matrix.darkRectangles {
            path.rectangle(x: box.column, y: box.row, width: box.width, height: box.height)
        }
        self.path = path
    }
}
