/// An indirect object number; the generation is always 0 in files this writer produces (§7.3.10).
public struct PDFObjectID: Hashable, Sendable, Comparable {
    /// The object number, starting at 1.
    public let number: Int

    /// Creates an identifier; numbers come from ``PDFFile/allocate()``.
    public init(_ number: Int) {
        precondition(number > 0, "object numbers start at 1")
        self.number = number
    }

    public static func < (lhs: PDFObjectID, rhs: PDFObjectID) -> Bool { lhs.number < rhs.number }
}
