/// A QR code symbol as a square grid of dark and light modules, without the quiet zone.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side (21 for version 1, 4 more per version).
    public let size: Int
    /// The QR version, 1...40.
    public let version: Int
    /// Row-major modules, `true` = dark; row 0 is the top.
    public let modules: [Bool]

    /// Creates a matrix from row-major modules.
    public init(size: Int, version: Int, modules: [Bool]) {
        precondition(modules.count == size * size)
        self.size = size
        self.version = version
        self.modules = modules
    }

    /// Whether the module at `row`, `column` (from the top left) is dark.
    public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }
}
