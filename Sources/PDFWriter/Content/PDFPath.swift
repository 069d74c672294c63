/// Path construction operators only (ISO 32000-1 §8.5.2), built apart from any page and painted later
/// with ``ContentStream/appendPath(_:)`` followed by a painting operator such as ``ContentStream/fill()``.
///
/// Building a path is pure, so many can be prepared on other cores (a batch's QR symbols).
public struct PDFPath: Sendable, Hashable {
    private var out: PDFBytes

    /// Creates an empty path.
    public init(capacity: Int = 1024) { out = PDFBytes(capacity: capacity) }

    /// The operators.
    public var bytes: [UInt8] { out.bytes }

    /// `re` with integer operands: a rectangle in whole units (QR modules drawn in module units).
    public mutating func rectangle(x: Int, y: Int, width: Int, height: Int) {
        out.int(x)
        out.byte(0x20)
        out.int(y)
        out.byte(0x20)
        out.int(width)
        out.byte(0x20)
        out.int(height)
        out.raw(" re\n")
    }

    public static func == (lhs: PDFPath, rhs: PDFPath) -> Bool { lhs.bytes == rhs.bytes }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
